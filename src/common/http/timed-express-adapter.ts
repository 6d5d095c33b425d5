import http from 'node:http';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';
import type { Limits } from '../../config/limits.js';

/**
 * Nest's Express adapter on a Node server that cuts slow clients: request headers must arrive
 * within STORYLINE_HEADERS_TIMEOUT_MS and a whole request within STORYLINE_REQUEST_TIMEOUT_MS
 * (Node answers 408 and closes). Node checks these only every `connectionsCheckingInterval`
 * (30 s by default), which only the server's constructor sets, hence this adapter.
 * It also sends a write's JSON answer without the ETag Express would hash from its body.
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

  /**
   * A write's answer (201 and the like) is its result, not a representation a cache could
   * revalidate: Express only answers 304 to GET and HEAD, so the weak ETag it hashes from every
   * body is wasted on other methods (the view's `ETag: "<revision>"` is set by its route). The
   * rest is what `res.json` does: the same text, Content-Type and Content-Length.
   */
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    const method = response.req.method;
    // Nest sets a route's @HttpCode on the response before the handler runs
    const status = statusCode ?? response.statusCode;
    const plainJson =
      method !== 'GET' &&
      method !== 'HEAD' &&
      (status === 200 || status === 201) &&
      body !== null &&
      typeof body === 'object' &&
      response.getHeader('Content-Type') === undefined &&
      Object.getPrototypeOf(body) === Object.prototype;
    if (!plainJson) return super.reply(response, body, statusCode);
    const text = JSON.stringify(body);
    response.statusCode = status;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(text));
    response.end(text, 'utf8');
    return response;
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
