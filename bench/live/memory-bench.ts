import fs from 'node:fs';
import path from 'node:path';
import type { Socket } from 'socket.io-client';
import {
  benchScript,
  cleanUp,
  progress,
  settings,
  statementBody,
  tempDir,
} from '../lib/bench-env.js';
import { row, type Section } from '../lib/report.js';
import { startStoryline } from '../lib/storyline-service.js';
import { timedGet } from '../lib/timed-get.js';
import { startTimed } from '../lib/timed-process.js';
import { buildStory } from '../scale/scale-story.js';
import { connectMany } from './paced-feed.js';

const IDLE_CLIENTS = 1000;
const CATCH_UP_TIMEOUT_MS = 45_000;
const POLL_MS = 100;

/** The resident set of a process we started, in KiB (from /proc, no probe in the server). */
function rssKib(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

/** Waits until GET `url` answers 200 with a body containing `needle`, or the timeout. */
async function until(url: string, needle: string): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < CATCH_UP_TIMEOUT_MS) {
    const answer = await timedGet(url);
    if (answer.status === 200 && answer.body.toString().includes(needle)) return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}

/** Idle clients subscribed to every incident; the server's RSS before and after they connect. */
async function idleClients(url: string, pid: number): Promise<{ before: number; after: number }> {
  const before = rssKib(pid);
  const sockets: Socket[] = [];
  try {
    sockets.push(...(await connectMany(url, undefined, IDLE_CLIENTS)));
    return { before, after: rssKib(pid) };
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

/** Memory: server RSS with a big incident loaded and 1,000 idle feed clients. */
export async function memoryBench(): Promise<Section> {
  const size = Math.max(...settings.sizes);
  const dir = tempDir();
  try {
    progress(`memory: building ${size} events`);
    const story = await buildStory(path.join(dir, 'storyline.db'), 'memory', size);
    const service = await startStoryline(dir);
    const probe = `${service.url}/incidents/${story.incidentId}/timeline?after=${size - 2}&limit=1`;
    const caughtUp = await until(probe, '"revision"');
    if (caughtUp) {
      // one write loads the incident into the write path's state cache
      await service.write(`/incidents/${story.incidentId}/statements`, statementBody('Memory'));
      await timedGet(`${service.url}/incidents/${story.incidentId}`, {}, CATCH_UP_TIMEOUT_MS);
    }
    const ours = await idleClients(service.url, service.pid);
    const usage = await service.stop();

    progress('memory: raw socket.io baseline');
    const raw = await startTimed(benchScript('feed/raw-feed-server.js'), {});
    const theirs = await idleClients(raw.url, raw.pid);
    await raw.stop();
    const perClient = (m: { before: number; after: number }) => (m.after - m.before) / IDLE_CLIENTS;
    return {
      title: 'Memory (server RSS, /proc/<pid>/status)',
      setup: [
        `storyline on a store holding one incident of ${size.toLocaleString('en-US')} events (built through the store), after its read model caught up, one write (the write path's state cache holds it) and one GET of its view.`,
        `Then ${IDLE_CLIENTS} idle WebSocket feed clients, each subscribed to every incident.`,
        'Raw baseline: bare Socket.IO (`node:http`, no store) with the same idle clients.',
      ],
      rows: [
        row(
          `RSS, ${size.toLocaleString('en-US')}-event incident + ${IDLE_CLIENTS} idle clients`,
          ours.after / 1024,
          'MB',
          theirs.after / 1024,
          0,
        ),
        row('RSS before the clients', ours.before / 1024, 'MB', theirs.before / 1024, 0),
        row('per idle client', perClient(ours), 'KiB', perClient(theirs), 1),
        row('peak RSS over the whole run (GNU time)', usage.maxRssKb / 1024, 'MB', null, 0),
      ],
      notes: caughtUp
        ? []
        : [
            `The read model had not caught up within ${CATCH_UP_TIMEOUT_MS} ms, so the incident was neither written to nor read (measured with the read model part-way).`,
          ],
    };
  } finally {
    cleanUp(dir);
  }
}
