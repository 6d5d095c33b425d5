import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

/** One append the crash child saw acknowledged. */
export interface Ack {
  stream: string;
  eventIds: string[];
  revision: number;
  position: string;
}

/** Bundles crash-child.ts inside the project, so that its `better-sqlite3` import resolves. */
async function bundleChild(): Promise<string> {
  const dir = join(process.cwd(), 'node_modules', '.cache', 'storyline');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `crash-child-${randomUUID()}.mjs`);
  await build({
    entryPoints: [join(process.cwd(), 'test', 'event-store', 'crash-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'better-sqlite3-13'],
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/**
 * Runs the crash child on `file`, kills it with SIGKILL as soon as it has acknowledged
 * `killAfter` appends, and returns every acknowledgement it printed before it died.
 */
export async function runCrashChild(
  file: string,
  killAfter: number,
): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null }> {
  const bundle = await bundleChild();
  try {
    return await killMidway(bundle, file, killAfter);
  } finally {
    rmSync(bundle, { force: true });
  }
}

async function killMidway(
  bundle: string,
  file: string,
  killAfter: number,
): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, [bundle, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (_code, signal) => resolve(signal));
  });
  const acks: Ack[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    acks.push(JSON.parse(line) as Ack);
    if (acks.length === killAfter) child.kill('SIGKILL');
  }
  return { acks, signal: await exited };
}
