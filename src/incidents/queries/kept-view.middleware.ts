import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig } from '../../config/app-config.js';
import { CurrentViewBodies } from './current-view-body.js';

const VIEW_PATH = /^\/incidents\/([^/]+)\/?$/;

/**
 * The cheapest path for the commonest read: an anonymous GET of an incident's current view
 * (no query, no token, reads public) whose bytes are already made for its revision is answered
 * here, before guards, pipes and interceptors that could not change its answer. Every other
 * request, and this one when no bytes are kept yet, goes on to the controller.
 */
@Injectable()
export class KeptViewMiddleware implements NestMiddleware {
  constructor(
    private readonly bodies: CurrentViewBodies,
    private readonly config: AppConfig,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const id = this.config.publicRead ? plainViewRead(req) : undefined;
    if (id === undefined || !this.bodies.sendIfKept(req, res, id)) next();
  }
}

/** The incident id of a bodiless, anonymous GET/HEAD of /incidents/:id with no query. */
function plainViewRead(req: Request): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const { headers } = req;
  if (headers.authorization !== undefined || headers['transfer-encoding'] !== undefined)
    return undefined;
  if (headers['content-length'] !== undefined && headers['content-length'] !== '0')
    return undefined;
  const url = req.originalUrl;
  if (url.includes('?')) return undefined;
  const match = VIEW_PATH.exec(url);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
