/**
 * Log lines written to stdout once per turn of the event loop instead of one `write` each: a busy
 * server logs a line per request, and on a pipe or file every `process.stdout.write` is its own
 * synchronous system call. Lines keep their order; whatever is pending is written before the
 * process exits (on `exit`, where a pipe or file write still completes), so only a process killed
 * outright (SIGKILL) can lose the lines of its last turn.
 */
export class CoalescedWriter {
  private pending: string[] = [];
  private scheduled = false;

  constructor(private readonly sink: (text: string) => void) {}

  readonly write = (line: string): void => {
    this.pending.push(line);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.flush);
  };

  readonly flush = (): void => {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.sink(text);
  };
}

let stdout: CoalescedWriter | undefined;

/** The process's one coalesced stdout writer (flushed on exit). */
export function coalescedStdout(): CoalescedWriter {
  if (!stdout) {
    const writer = new CoalescedWriter((text) => process.stdout.write(text));
    process.on('exit', writer.flush);
    stdout = writer;
  }
  return stdout;
}
