import type { LoggerService, LogLevel } from '@nestjs/common';
import { coalescedStdout } from './coalesced-stdout.js';
import { currentRequestId } from './request-context.js';

/**
 * Structured logs: one JSON object per line on stdout, with the request id when there is one
 * (written once per event-loop turn: `coalesced-stdout.ts`).
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly levels: ReadonlySet<LogLevel> = new Set(['log', 'error', 'warn', 'fatal']),
    private readonly write: (line: string) => void = coalescedStdout().write,
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.levels.has(level)) return;
    // Nest passes the context as the last string argument, and a stack before it for errors.
    const context = typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (context) entry.context = context;
    const requestId = currentRequestId();
    if (requestId) entry.requestId = requestId;
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      Object.assign(entry, message);
    } else {
      entry.msg = message instanceof Error ? message.message : String(message);
    }
    if (rest.length > 0 && typeof rest[0] === 'string' && level === 'error') entry.stack = rest[0];
    this.write(JSON.stringify(entry) + '\n');
  }
}
