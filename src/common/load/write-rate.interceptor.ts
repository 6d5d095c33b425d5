import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../../auth/auth.guard.js';
import type { Limits } from '../../config/limits.js';
import { problem, ProblemError } from '../problem/problem.js';
import { TokenBuckets } from './token-bucket.js';

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * Writes per token: STORYLINE_WRITE_RATE a second with bursts up to STORYLINE_WRITE_BURST; past
 * it 429 with Retry-After, before the body is validated or anything is decided. Runs after the
 * auth guard, so it keys on the authenticated principal (anonymous writes are already refused).
 */
@Injectable()
export class WriteRateInterceptor implements NestInterceptor {
  private readonly buckets: TokenBuckets;

  constructor(limits: Limits) {
    this.buckets = new TokenBuckets(limits.writeRate, limits.writeBurst);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<AuthenticatedRequest>();
    if (!WRITES.has(req.method) || !req.principal) return next.handle();
    const waitMs = this.buckets.take(req.principal.name);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      http.getResponse<Response>().setHeader('Retry-After', String(seconds));
      throw new ProblemError(
        problem(429, 'rate-limited', `too many writes with this token; retry in ${seconds} s`),
      );
    }
    return next.handle();
  }
}
