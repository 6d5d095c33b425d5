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
  constructor(private readonly limits: Limits) {
    super();
  }

  override initHttpServer(options: Parameters<ExpressAdapter['initHttpServer']>[0]): void {
    super.initHttpServer(options);
    if (options?.httpsOptions) return;
    const { requestTimeoutMs, headersTimeoutMs } = this.limits;
    this.httpServer = http.createServer(
      {
        requestTimeout: requestTimeoutMs,
        headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
        connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
      },
      this.getInstance(),
    );
  }
}
