import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';

const GNU_TIME = '/usr/bin/time';

/** A Node server started under `/usr/bin/time -v`, listening at `url`. */
export interface TimedServer {
  url: string;
  /** The Node process (the child of `time`): the one that gets signals. */
  pid: number;
  /** SIGTERM, then the exit; resolves with what GNU time saw of the whole life. */
  stop(): Promise<ProcessUsage>;
}

/** Servers started and not yet stopped: a failing bench must not leave them running. */
const running = new Set<TimedServer>();

/** Stops every server a bench started and did not stop (after a failure). */
export async function stopStragglers(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
}

/** The pid of the process GNU time started (-1 when it has none, e.g. it already exited). */
function childOf(pid: number): number {
  try {
    const child = Number(fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim());
    return Number.isSafeInteger(child) && child > 0 ? child : -1;
  } catch {
    return -1;
  }
}

/** Signals one process we started; one that already exited is left alone. */
function signal(pid: number, name: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(pid, name);
  } catch {
    // it exited on its own
  }
}

/** Peak memory and CPU time of a server's whole life (start, load and shutdown). */
export interface ProcessUsage {
  maxRssKb: number;
  cpuSeconds: number;
  wallSeconds: number;
}

function figure(report: string, label: string): number {
  const match = new RegExp(`${label}: ([\\d.]+)`).exec(report);
  return match ? Number(match[1]) : Number.NaN;
}

/** GNU time's wall clock, `h:mm:ss` or `m:ss.ss`, in seconds. */
function wallOf(report: string): number {
  const match = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(report);
  if (!match) return Number.NaN;
  return match[1].split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

function usageOf(report: string): ProcessUsage {
  return {
    wallSeconds: wallOf(report),
    maxRssKb: figure(report, 'Maximum resident set size \\(kbytes\\)'),
    cpuSeconds:
      figure(report, 'User time \\(seconds\\)') + figure(report, 'System time \\(seconds\\)'),
  };
}

/**
 * Runs `node [nodeFlags] script` under GNU time (max RSS) and waits for its JSON log line carrying
 * `url`. Only this process tree is ever signalled.
 */
export async function startTimed(
  script: string,
  env: Record<string, string>,
  { readyMs = 20_000, nodeFlags = [] }: { readyMs?: number; nodeFlags?: readonly string[] } = {},
): Promise<TimedServer> {
  if (!fs.existsSync(GNU_TIME))
    throw new Error(`${GNU_TIME} is missing: apt-get update && apt-get install -y time`);
  const timer = spawn(GNU_TIME, ['-v', process.execPath, ...nodeFlags, script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  timer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => timer.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: timer.stdout });
    const timeout = setTimeout(() => {
      signal(childOf(timer.pid ?? -1), 'SIGKILL');
      timer.kill('SIGKILL');
      reject(new Error(`${script} did not listen within ${readyMs} ms: ${stderr}`));
    }, readyMs);
    void exited.then(() => reject(new Error(`${script} exited before listening: ${stderr}`)));
    lines.on('line', (text) => {
      if (!text.includes('"url"')) return;
      const line = JSON.parse(text) as { url?: unknown };
      if (typeof line.url !== 'string') return;
      clearTimeout(timeout);
      // from here on the log is only drained, not parsed: it must not slow the server down
      lines.removeAllListeners('line');
      lines.on('line', () => undefined);
      resolve(line.url);
    });
  });
  const pid = childOf(timer.pid ?? -1);
  if (pid <= 0) throw new Error(`${script}: no process under ${GNU_TIME}`);

  const server: TimedServer = {
    url,
    pid,
    stop: async () => {
      running.delete(server);
      signal(pid, 'SIGTERM');
      const killer = setTimeout(() => signal(pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
      return usageOf(stderr);
    },
  };
  running.add(server);
  return server;
}
