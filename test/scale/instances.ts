import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import { compileService, startService, type RunningService } from '../process/compiled-service.js';
import { TOKENS } from '../support/boot.js';

/** Several storyline processes on one shared store, each with its own read model. */
export class Instances {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyline-scale-'));
  readonly services: RunningService[] = [];
  readonly urls: string[] = [];
  private readonly sockets: Socket[] = [];
  private main: string | undefined;

  constructor(private readonly store: string) {}

  /** Starts `count` processes, in parallel; resolves when each one listens. */
  async start(count: number, extraEnv: Record<string, string> = {}): Promise<void> {
    this.main ??= await compileService();
    const main = this.main;
    const started = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const name = `instance-${this.services.length + i}`;
        const service = startService(main, {
          PORT: '0',
          STORYLINE_STORE: this.store,
          STORYLINE_READ_MODEL: `sqlite:${path.join(this.dir, `${name}-read-model.db`)}`,
          STORYLINE_TOKENS: `rita:reporter:${TOKENS.reporter},eddie:editor:${TOKENS.editor},ada:admin:${TOKENS.admin}`,
          STORYLINE_DEMO: 'false',
          ...extraEnv,
        });
        const listening = await service.waitForLog((line) => line.msg === 'storyline listening');
        return { service, url: String(listening.url).replace('[::1]', '127.0.0.1') };
      }),
    );
    for (const { service, url } of started) {
      this.services.push(service);
      this.urls.push(url);
    }
  }

  /** Remembers a socket so that `stop()` disconnects it. */
  track(socket: Socket): Socket {
    this.sockets.push(socket);
    return socket;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.disconnect();
    for (const service of this.services)
      if (service.child.exitCode === null && service.child.signalCode === null)
        service.child.kill('SIGTERM');
    await Promise.all(this.services.map((service) => service.exited));
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
