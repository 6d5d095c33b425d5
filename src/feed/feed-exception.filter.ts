import { type ArgumentsHost, Catch, Logger, type WsExceptionFilter } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { StoreUnavailable } from '../event-store/event-store.js';
import type { FeedError, SubscribeAck } from './client/feed-types.js';
import { FeedRefusal } from './feed-refusal.js';

function isFeedError(value: unknown): value is FeedError {
  if (typeof value !== 'object' || value === null) return false;
  const { status, message } = value as Record<string, unknown>;
  return typeof status === 'number' && typeof message === 'string';
}

/**
 * Answers a failed `subscribe` / `unsubscribe` in its ack, `{ ok: false, error }`, and never
 * leaks internals; the socket lives on. Without an ack callback there is no one to tell.
 */
@Catch()
export class FeedExceptionFilter implements WsExceptionFilter {
  private readonly logger = new Logger('feed');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ack = host
      .getArgs()
      .slice(1)
      .find((arg): arg is (answer: SubscribeAck) => void => typeof arg === 'function');
    const error = this.toError(exception);
    if (!ack) return;
    try {
      ack({ ok: false, error });
    } catch (failure) {
      this.logger.warn({ msg: 'feed ack failed', error: String(failure) });
    }
  }

  private toError(exception: unknown): FeedError {
    if (exception instanceof FeedRefusal) {
      return { status: exception.status, message: exception.message };
    }
    if (exception instanceof WsException) {
      const detail = exception.getError();
      if (isFeedError(detail)) return { status: detail.status, message: detail.message };
      return { status: 400, message: typeof detail === 'string' ? detail : 'bad request' };
    }
    if (exception instanceof StoreUnavailable) {
      return { status: 503, message: 'the event store is unavailable' };
    }
    this.logger.error({ msg: 'feed request failed', error: String(exception) });
    return { status: 500, message: 'internal error' };
  }
}
