import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { statementBody } from '../lib/bench-env.js';
import type { Storyline } from '../lib/storyline-service.js';
import { timedGet } from '../lib/timed-get.js';
import { cannon, type Load } from './cannon.js';

/** The incident of the big-view rows: 1,000 statements, so 1,000 claims. */
export const BIG_INCIDENT = 'bench-big';
export const BIG_CLAIMS = 1000;
const SEED_CONNECTIONS = 10;
const ACCEPT_COMPRESSED = { 'accept-encoding': 'gzip, br' };

/** The view's bytes as storyline sends them: plain, and compressed for `gzip, br`. */
export interface BigView {
  plain: Buffer;
  compressed: Buffer;
  encoding: string;
}

/** Writes the big incident over HTTP (10 writers) and reads back both bodies of its view. */
export async function seedBigView(service: Storyline): Promise<BigView> {
  await service.write('/incidents', { incidentId: BIG_INCIDENT, title: 'Big view bench' });
  let next = 0;
  const writer = async () => {
    while (next < BIG_CLAIMS) {
      const i = next++;
      await service.write(
        `/incidents/${BIG_INCIDENT}/statements`,
        statementBody(`Big view statement ${i}: shelling was reported near the northern bridge.`),
      );
    }
  };
  await Promise.all(Array.from({ length: SEED_CONNECTIONS }, writer));
  const url = `${service.url}/incidents/${BIG_INCIDENT}`;
  const plain = await timedGet(url);
  const compressed = await new Promise<{ body: Buffer; encoding: string }>((resolve, reject) => {
    // timedGet does not tell the encoding: ask with node:http and keep the header
    http
      .get(url, { headers: ACCEPT_COMPRESSED }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            body: Buffer.concat(chunks),
            encoding: String(response.headers['content-encoding'] ?? 'identity'),
          }),
        );
      })
      .on('error', reject);
  });
  const claims = (JSON.parse(plain.body.toString()) as { claims: unknown[] }).claims.length;
  if (plain.status !== 200 || claims !== BIG_CLAIMS)
    throw new Error(`big view: ${plain.status}, ${claims} claims (wanted ${BIG_CLAIMS})`);
  return { plain: plain.body, compressed: compressed.body, encoding: compressed.encoding };
}

/** The environment that makes raw-http-server.ts answer the big view's bytes from memory. */
export function rawBigViewEnv(view: BigView, dir: string): Record<string, string> {
  const plain = path.join(dir, 'big-view.json');
  const compressed = path.join(dir, 'big-view.compressed');
  fs.writeFileSync(plain, view.plain);
  fs.writeFileSync(compressed, view.compressed);
  return {
    RAW_BIG_PATH: `/incidents/${BIG_INCIDENT}`,
    RAW_BIG_PLAIN_FILE: plain,
    RAW_BIG_COMPRESSED_FILE: compressed,
    RAW_BIG_ENCODING: view.encoding,
  };
}

export interface BigViewPhases {
  plain: Load;
  compressed: Load;
}

/** GETs of the big view, without and then with `Accept-Encoding: gzip, br`. */
export async function bigViewLoad(
  url: string,
  connections: number,
  seconds: number,
): Promise<BigViewPhases> {
  const target = `${url}/incidents/${BIG_INCIDENT}`;
  const plain = await cannon({ url: target, connections, duration: seconds });
  const compressed = await cannon({
    url: target,
    connections,
    duration: seconds,
    headers: ACCEPT_COMPRESSED,
  });
  return { plain, compressed };
}
