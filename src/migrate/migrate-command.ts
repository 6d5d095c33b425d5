import { existsSync } from 'node:fs';
import type { EventStore } from '../event-store/event-store.js';
import { openEventStore } from '../event-store/open-event-store.js';
import { describeStoreLocation } from '../event-store/store-location.js';
import { UsageError, parseMigrateArgs } from './migrate-args.js';
import { migrateLog } from './migrate-log.js';
import { progressBar, type ProgressOutput } from './progress-bar.js';

export interface CommandIo {
  stdout: ProgressOutput;
  stderr: ProgressOutput;
  signal?: AbortSignal;
}

/** Exit codes: 0 copied and verified, 1 a verification mismatch or a failure, 2 bad usage, 3 stopped early. */
export const EXIT = { ok: 0, mismatch: 1, usage: 2, incomplete: 3 } as const;

/** `migrate --from <store> --to <store>`: copies, verifies, and says what happened. */
export async function runMigrate(argv: readonly string[], io: CommandIo): Promise<number> {
  let args;
  try {
    args = parseMigrateArgs(argv);
    if (args.from.kind === 'sqlite' && !existsSync(args.from.file)) {
      throw new UsageError(`--from: no such file ${args.from.file}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT.usage;
  }
  io.stderr.write(
    `migrating ${describeStoreLocation(args.from)} -> ${describeStoreLocation(args.to)}\n`,
  );
  const opened: EventStore[] = [];
  try {
    const from = await openEventStore(args.from);
    opened.push(from);
    const to = await openEventStore(args.to);
    opened.push(to);
    const bar = progressBar(io.stderr);
    const report = await migrateLog(from, to, {
      onProgress: (progress) => bar.update(progress),
      signal: io.signal,
      maxEvents: args.maxEvents,
    });
    bar.done();
    if (!report.complete) {
      io.stderr.write(
        `stopped after copying ${report.copied} events; run the same command again to resume\n`,
      );
      return EXIT.incomplete;
    }
    for (const check of report.mismatches) {
      io.stderr.write(
        `MISMATCH ${check.streamId}: source ${check.source.count} events sha256 ${check.source.sha256}, ` +
          `target ${check.target.count} events sha256 ${check.target.sha256}\n`,
      );
    }
    const events = report.checks.reduce((sum, check) => sum + check.source.count, 0);
    if (report.mismatches.length > 0) {
      io.stderr.write(
        `verification failed: ${report.mismatches.length} of ${report.streams} streams differ\n`,
      );
      return EXIT.mismatch;
    }
    io.stdout.write(
      `verified ${report.streams} streams, ${events} events (${report.copied} copied now, ` +
        `${report.skipped} already there): counts and sha256 checksums match\n`,
    );
    return EXIT.ok;
  } catch (error) {
    io.stderr.write(
      `migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.mismatch;
  } finally {
    for (const store of opened) await store.close();
  }
}
