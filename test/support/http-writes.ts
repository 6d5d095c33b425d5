/** Test support: writes through the public HTTP API, as a newsroom client sends them. */
import request from 'supertest';
import { auth, type TOKENS } from './boot.js';

/** What a write answers (201). */
export interface Written {
  incidentId: string;
  claimId?: string;
  eventId: string;
  revision: number;
  position: string;
}

/** One write that must succeed (201); anything else throws with the status and body. */
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

/** Opens an incident, tagged `test`, as a reporter. */
export function openIncident(
  url: string,
  incidentId: string,
  title = `Incident ${incidentId}`,
): Promise<Written> {
  return write(url, '/incidents', { incidentId, title, tags: ['test'] });
}
