import request from 'supertest';
import { auth, type TOKENS } from '../../support/boot.js';

export interface Written {
  incidentId: string;
  claimId?: string;
  eventId: string;
  revision: number;
  position: string;
}

/** One write through the public HTTP API, as a newsroom client would send it. */
export async function write(
  url: string,
  path: string,
  body: Record<string, unknown>,
  role: keyof typeof TOKENS = 'reporter',
): Promise<Written> {
  const res = await request(url).post(path).set(auth(role)).send(body);
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
  return res.body as Written;
}

export const reuters = [{ name: 'Reuters', kind: 'wire' }];

export function openIncident(url: string, incidentId: string, title: string): Promise<Written> {
  return write(url, '/incidents', { incidentId, title, tags: ['test'] });
}

export function statement(
  url: string,
  incidentId: string,
  text: string,
  extra: Record<string, unknown> = {},
): Promise<Written> {
  return write(url, `/incidents/${incidentId}/statements`, {
    text,
    attribution: reuters,
    reportedAt: new Date().toISOString(),
    ...extra,
  });
}

export function killed(min: number, max: number | null) {
  return [{ measure: 'killed', group: 'civilians', min, max }];
}
