import http from 'node:http';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Limits } from '../../config/limits.js';

/**
 * Nest's Express adapter on a Node server that cuts slow clients: request headers must arrive
 * within STORYLINE_HEADERS_TIMEOUT_MS and a whole request within STORYLINE_REQUEST_TIMEOUT_MS
 * (Node answers 408 and closes). Node checks these only every `connectionsCheckingInterval`
 * (30 s by default), which only the server's constructor sets, hence this adapter.
 */
export class TimedExpressAdapter extends ExpressAdapter {
  private first?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

  constructor(private readonly limits: Limits) {
    super();
  }

  /**
   * Lets `answer` see each request before Express does; Express serves those it returns false
   * for (kept-view.middleware.ts: an unconditional GET of a kept current view).
   */
  answerFirst(answer: (req: http.IncomingMessage, res: http.ServerResponse) => boolean): void {
    this.first = answer;
  }

  override initHttpServer(options: Parameters<ExpressAdapter['initHttpServer']>[0]): void {
    super.initHttpServer(options);
    if (options?.httpsOptions) return;
    const { requestTimeoutMs, headersTimeoutMs } = this.limits;
    const express =
      this.getInstance<(req: http.IncomingMessage, res: http.ServerResponse) => void>();
    this.httpServer = http.createServer(
      {
        requestTimeout: requestTimeoutMs,
        headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
        connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
      },
      (req, res) => {
        if (!this.first?.(req, res)) express(req, res);
      },
    );
  }
}
