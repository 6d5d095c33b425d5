import type { Command } from '../incidents/domain/commands.js';
import { toRequest } from './command-request.js';
import type { DemoOptions } from './demo-options.js';

export interface DemoIo {
  log: (line: string) => void;
  sleep: (ms: number) => Promise<void>;
}

/** A step the service refused: the demo stops there and says why. */
export class DemoStepError extends Error {
  override readonly name = 'DemoStepError';
}

const RETRIES = 5;

/** Sends one request, retrying when the service is unreachable or its store is (503). */
async function send(
  options: DemoOptions,
  command: Command,
  key: string,
  io: DemoIo,
): Promise<Record<string, unknown>> {
  const request = toRequest(command);
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(options.url + request.path, {
        method: request.method,
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${options.token}`,
          // Same key on a retry: the service appends the step once however often it is sent.
          'Idempotency-Key': key,
        },
        body: JSON.stringify(request.body),
      });
    } catch (error) {
      if (attempt >= RETRIES)
        throw new DemoStepError(`${options.url} is unreachable: ${String(error)}`);
      io.log(`  service unreachable, retrying (${attempt}/${RETRIES - 1})`);
      await io.sleep(1000);
      continue;
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.status === 503 && attempt < RETRIES) {
      io.log(`  store unavailable, retrying (${attempt}/${RETRIES - 1})`);
      await io.sleep(1000);
      continue;
    }
    if (response.status !== 201) {
      const detail = typeof body.detail === 'string' ? body.detail : response.statusText;
      throw new DemoStepError(`${request.method} ${request.path} → ${response.status}: ${detail}`);
    }
    return body;
  }
}

/** Replays the commands in order through the HTTP API, one every `pace` seconds. */
export async function runDemo(
  commands: readonly Command[],
  options: DemoOptions,
  io: DemoIo,
): Promise<void> {
  const incidentId = commands[0]?.incidentId ?? '';
  io.log(`Replaying ${commands.length} updates into ${options.url}, one every ${options.pace} s.`);
  io.log(`Watch them arrive: ${options.url}/#/incidents/${encodeURIComponent(incidentId)}`);
  for (const [index, command] of commands.entries()) {
    if (index > 0 && options.pace > 0) await io.sleep(options.pace * 1000);
    const result = await send(options, command, `demo-${incidentId}-${index}`, io);
    const { method, path } = toRequest(command);
    io.log(
      `[${index + 1}/${commands.length}] ${command.type}: ${method} ${path} → revision ${String(result.revision)}`,
    );
  }
  io.log(`Done: ${options.url}/#/incidents/${encodeURIComponent(incidentId)}`);
}
