import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AppConfig } from '../../config/app-config.js';
import type { Limits } from '../../config/limits.js';
import { problem, ProblemError } from '../problem/problem.js';
import { GateSaturated, WorkGate } from './work-gate.js';

const TIME_TRAVEL = ['asOf', 'reportedBy', 'revision'];
const VIEW = /^\/incidents\/[^/]+\/?$/;
const DIFF = /^\/incidents\/[^/]+\/diff\/?$/;
const RETRY_AFTER_SECONDS = 1;

/** Reads that fold an incident's stream on demand: time travel on a view, and diffs. */
export function isExpensiveRead(req: Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (DIFF.test(req.path)) return true;
  const query = req.query as Record<string, unknown>;
  return VIEW.test(req.path) && TIME_TRAVEL.some((name) => query[name] !== undefined);
}

function unavailable(res: Response, slug: string, detail: string): ProblemError {
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  return new ProblemError(problem(503, slug, detail));
}

const never = new Promise<never>(() => {});

/**
 * Bounds the reads that fold a stream (time travel, diffs) so none can monopolise the process:
 * at most STORYLINE_EXPENSIVE_READS at once and STORYLINE_EXPENSIVE_READ_QUEUE waiting (more get
 * 503 with Retry-After), each within STORYLINE_READ_BUDGET_MS from arrival (503 past it). A read
 * whose client went away before its turn is dropped without running; each read yields to other
 * requests (such as /health) just before it starts. A slot is held until its work really ends.
 * Bound only to the routes that can fold (the view and the diff, one instance for their module):
 * every other request, writes above all, goes through no interceptor at all.
 */
@Injectable()
export class ExpensiveReadsInterceptor implements NestInterceptor {
  private readonly limits: Limits;
  private readonly gate: WorkGate;

  constructor(config: AppConfig) {
    this.limits = config.limits;
    this.gate = new WorkGate(this.limits.expensiveReads, this.limits.expensiveReadQueue);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    if (!isExpensiveRead(req)) return next.handle();
    return from(this.guarded(http.getResponse<Response>(), next));
  }

  private async guarded(res: Response, next: CallHandler): Promise<unknown> {
    const abort = new AbortController();
    let reason: 'gone' | 'budget' | undefined;
    const stop = (why: 'gone' | 'budget') => {
      reason ??= why;
      abort.abort();
    };
    const onClose = () => {
      if (!res.writableFinished) stop('gone');
    };
    res.once('close', onClose);
    const timer = setTimeout(() => stop('budget'), this.limits.readBudgetMs);
    const stopped = new Promise<never>((_resolve, reject) =>
      abort.signal.addEventListener('abort', () => reject(this.refusal(res, reason)), {
        once: true,
      }),
    );
    stopped.catch(() => undefined);
    try {
      let release: () => void;
      try {
        release = await this.gate.acquire(abort.signal);
      } catch (error) {
        if (error instanceof GateSaturated) {
          throw unavailable(res, 'busy', 'too many expensive reads at once; retry shortly');
        }
        throw this.refusal(res, reason);
      }
      let work: Promise<unknown> = never;
      try {
        // let requests that are already waiting (health checks) in before this one takes the loop
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (abort.signal.aborted) throw this.refusal(res, reason);
        work = lastValueFrom(next.handle(), { defaultValue: undefined });
        return await Promise.race([work, stopped]);
      } finally {
        if (work === never) release();
        else work.then(release, release);
      }
    } finally {
      clearTimeout(timer);
      res.off('close', onClose);
    }
  }

  private refusal(res: Response, reason: 'gone' | 'budget' | undefined): ProblemError {
    return reason === 'gone'
      ? new ProblemError(problem(503, 'client-gone', 'the client went away'))
      : unavailable(
          res,
          'read-budget-exceeded',
          `the read took longer than ${this.limits.readBudgetMs} ms; retry later`,
        );
  }
}
