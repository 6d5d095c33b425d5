import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable, Subscription } from 'rxjs';

/** The socket.io copy Nest's adapter loads (its own dependency, not the app's). */
type Socket = Parameters<IoAdapter['bindMessageHandlers']>[0];

/** A handler's answer as Nest reads it: an `{ event, data }` to emit, or the ack's argument. */
type Answer = { event?: string; data?: unknown } | null | undefined;

/**
 * Nest's Socket.IO adapter, binding each socket's messages with plain listeners. Nest's own binds
 * every message name of every client through an rxjs chain (fromEvent, mergeMap, takeUntil on a
 * shared disconnect), kept for the socket's life: some 8 subscribers an idle client holds. Here an
 * idle client holds one listener per message, and a chain lives only while a message is handled.
 *
 * Answers as Nest's does: the handler's non-null result is emitted when it names an `event`, else
 * sent as the ack (unless the handler takes `@Ack()` itself); a result still pending when the
 * socket leaves is dropped; exceptions reach the gateway's filters inside `callback` (Nest's
 * proxy), and what escapes them is logged, never thrown at the socket.
 */
export class FeedIoAdapter extends IoAdapter {
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (data: unknown) => Observable<unknown>,
  ): void {
    // one disconnect listener per socket, however many messages are in flight
    const inFlight = new Set<Subscription>();
    socket.once('disconnect', () => {
      for (const subscription of inFlight) subscription.unsubscribe();
      inFlight.clear();
    });
    for (const { message, callback, isAckHandledManually } of handlers) {
      socket.on(message as string, (...payload: unknown[]) => {
        const mapped = this.mapPayload(payload.length > 1 ? payload : payload[0]);
        const data: unknown = mapped.data;
        const ack = mapped.ack as ((response: unknown) => void) | undefined;
        const answer = (response: Answer) => {
          if (response === null || response === undefined || socket.disconnected) return;
          if (response.event) socket.emit(response.event, response.data);
          else if (!isAckHandledManually && typeof ack === 'function') ack(response);
        };
        this.handle(() => transform(callback(data, ack)), answer, inFlight);
      });
    }
  }

  /** Runs one message's chain to its end, or until the socket leaves (Nest's takeUntil). */
  private handle(
    run: () => Observable<unknown>,
    answer: (response: Answer) => void,
    inFlight: Set<Subscription>,
  ): void {
    let subscription: Subscription | undefined;
    const done = () => {
      if (subscription) inFlight.delete(subscription);
    };
    try {
      subscription = run().subscribe({
        next: (response) => answer(response as Answer),
        error: (error: unknown) => {
          done();
          this.logger.error(error);
        },
        complete: done,
      });
    } catch (error) {
      this.logger.error(error);
      return;
    }
    if (!subscription.closed) inFlight.add(subscription);
  }
}
