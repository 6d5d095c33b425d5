import { runMigrate } from './migrate-command.js';

// Ctrl-C stops between appends; what was copied stays, and the next run resumes from there.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());
process.once('SIGTERM', () => interrupt.abort());

process.exitCode = await runMigrate(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
});
