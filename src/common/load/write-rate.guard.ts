import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../../auth/auth.guard.js';
import type { Limits } from '../../config/limits.js';
import { problem, ProblemError } from '../problem/problem.js';
import { TokenBuckets } from './token-bucket.js';

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Writes per token: STORYLINE_WRITE_RATE a second with bursts up to STORYLINE_WRITE_BURST; past
 * it 429 with Retry-After, before the body is validated or anything is decided. A global guard
 * registered after the auth guard, so it keys on the authenticated principal (anonymous writes
 * are already refused). A guard rather than an interceptor: a request through no interceptor
 * skips Nest's per-request Observable chain, which costs a write more than this check does.
 */
@Injectable()
export class WriteRateGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(limits: Limits) {
    this.buckets = new TokenBuckets(limits.writeRate, limits.writeBurst);
  }

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    if (!WRITES.has(req.method) || !req.principal) return true;
    const waitMs = this.buckets.take(req.principal.name);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      http.getResponse<Response>().setHeader('Retry-After', String(seconds));
      throw new ProblemError(
        problem(429, 'rate-limited', `too many writes with this token; retry in ${seconds} s`),
      );
    }
    return true;
  }
}
