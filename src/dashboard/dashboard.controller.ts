import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import path from 'node:path';
import { AlwaysPublic } from '../auth/roles.decorator.js';
import { problem, ProblemError } from '../common/problem/problem.js';
import { sendProblem } from '../common/problem/send-problem.js';
import { assetContentType, findDashboardDir, isAssetName } from './dashboard-files.js';

// The page talks only to its own origin: the API and the Socket.IO feed (ws/wss).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Serves the dashboard page at `/` and its content-hashed assets under `/assets/`. */
@ApiExcludeController()
@AlwaysPublic()
@Controller()
export class DashboardController {
  @Get()
  index(@Res() res: Response): void {
    const dir = this.dir();
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    // The page names hashed assets, so it must be revalidated to pick up a new build.
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.sendFile(path.join(dir, 'index.html'));
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const type = assetContentType(file);
    if (!isAssetName(file) || !type) throw notFound();
    const dir = path.join(this.dir(), 'assets');
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.sendFile(file, { root: dir, dotfiles: 'deny' }, (error?: Error) => {
      if (error && !res.headersSent) {
        res.removeHeader('Cache-Control');
        sendProblem(res, notFound().problem);
      }
    });
  }

  private dir(): string {
    const dir = findDashboardDir();
    if (!dir) {
      throw new ProblemError(
        problem(503, 'dashboard-not-built', 'the dashboard is not built: run npm run build'),
      );
    }
    return dir;
  }
}

function notFound(): ProblemError {
  return new ProblemError(problem(404, 'not-found', 'no such dashboard asset'));
}
