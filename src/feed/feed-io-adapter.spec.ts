import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Module, type INestApplication, UseFilters } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessageBody, SubscribeMessage, WebSocketGateway, WsException } from '@nestjs/websockets';
import { io, type Socket } from 'socket.io-client';
import { FeedExceptionFilter } from './feed-exception.filter.js';
import { FeedIoAdapter } from './feed-io-adapter.js';

/** A gateway with each way a handler can answer: value, promise, `{ event }`, throw. */
@WebSocketGateway({ namespace: '/probe' })
@UseFilters(new FeedExceptionFilter())
class ProbeGateway {
  @SubscribeMessage('echo')
  echo(@MessageBody() body: unknown): unknown {
    return { echoed: body };
  }

  @SubscribeMessage('later')
  async later(@MessageBody() body: number): Promise<number> {
    await Promise.resolve();
    return body + 1;
  }

  @SubscribeMessage('emit')
  emit(): { event: string; data: string } {
    return { event: 'told', data: 'hello' };
  }

  @SubscribeMessage('refuse')
  refuse(): never {
    throw new WsException({ status: 403, message: 'no' });
  }
}

@Module({ providers: [ProbeGateway] })
class ProbeModule {}

describe('FeedIoAdapter', () => {
  let app: INestApplication;
  let socket: Socket;

  beforeAll(async () => {
    app = await NestFactory.create(ProbeModule, { logger: false });
    app.useWebSocketAdapter(new FeedIoAdapter(app));
    await app.listen(0, '127.0.0.1');
  });

  beforeEach(async () => {
    socket = io(`${await app.getUrl()}/probe`, { transports: ['websocket'], forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
  });

  afterEach(() => {
    socket.disconnect();
  });
  afterAll(() => app.close());

  it('sends a handler’s value as the ack', async () => {
    await expect(socket.timeout(5000).emitWithAck('echo', { a: 1 })).resolves.toEqual({
      echoed: { a: 1 },
    });
  });

  it('sends a resolved promise as the ack', async () => {
    await expect(socket.timeout(5000).emitWithAck('later', 41)).resolves.toBe(42);
  });

  it('answers many messages in flight at once, each with its own ack', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => socket.timeout(5000).emitWithAck('later', i)),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('emits an answer that names an event', async () => {
    const told = new Promise((resolve) => socket.once('told', resolve));
    socket.emit('emit');
    await expect(told).resolves.toBe('hello');
  });

  it('hands exceptions to the gateway’s filter, which answers in the ack', async () => {
    await expect(socket.timeout(5000).emitWithAck('refuse', {})).resolves.toEqual({
      ok: false,
      error: { status: 403, message: 'no' },
    });
  });

  it('keeps handling a message name after one of its handlers threw', async () => {
    await socket.timeout(5000).emitWithAck('refuse', {});
    await expect(socket.timeout(5000).emitWithAck('refuse', {})).resolves.toMatchObject({
      ok: false,
    });
  });
});
