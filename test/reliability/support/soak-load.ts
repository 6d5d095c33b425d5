import { TOKENS } from '../../support/boot.js';
import { call, type Answer } from './service-process.js';

const source = [{ name: 'Reuters', kind: 'wire' }];
const REPORTED = '2017-05-18T19:05:00Z';
/** Numbers every write of the process, so keys and texts never repeat across runs of the load. */
let n = 0;

export interface LoadTally {
  writes: number;
  reads: number;
  replays: number;
  /** `method path -> status` of every answer the contract does not expect here. */
  unexpected: string[];
}

/** Mixed writes, reads and replays on `incidents`, from 4 writers, 2 readers and 2 replayers, until `until()`. */
export async function runLoad(
  url: string,
  incidents: string[],
  tally: LoadTally,
  until: () => boolean,
): Promise<void> {
  const claims = new Map<string, string>();
  const check = (what: string, answer: Answer, ok: number) => {
    if (answer.status !== ok) {
      tally.unexpected.push(`${what} -> ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  };
  const write = async (w: number) => {
    while (!until()) {
      const i = (n += 1);
      const incidentId = incidents[i % incidents.length];
      const headers: Record<string, string> = w % 2 === 0 ? { 'idempotency-key': `soak-${i}` } : {};
      const claimId = claims.get(incidentId);
      const [route, body] =
        i % 3 === 0
          ? ['casualty-reports', { attribution: source, reportedAt: REPORTED, figures: figures(i) }]
          : i % 3 === 1 || claimId === undefined
            ? [
                'statements',
                { text: `soak statement ${i}`, attribution: source, reportedAt: REPORTED },
              ]
            : [
                `claims/${claimId}/revisions`,
                { text: `revised ${i}`, attribution: source, reportedAt: REPORTED },
              ];
      const answer = await call(url, 'POST', `/incidents/${incidentId}/${route}`, {
        token: TOKENS.reporter,
        body,
        headers,
      });
      check(`POST ${route}`, answer, 201);
      if (route === 'statements' && answer.status === 201) {
        claims.set(incidentId, String(answer.body.claimId));
      }
      tally.writes += 1;
    }
  };
  const read = async () => {
    for (let i = 0; !until(); i++) {
      const id = incidents[i % incidents.length];
      const route = [
        `/incidents/${id}`,
        `/incidents/${id}/timeline?limit=50&order=desc`,
        '/incidents?limit=20',
        `/events?after=${i * 7}&limit=100`,
        '/health',
      ][i % 5];
      check(`GET ${route}`, await call(url, 'GET', route), 200);
      tally.reads += 1;
    }
  };
  const replay = async () => {
    for (let i = 0; !until(); i++) {
      const id = incidents[i % incidents.length];
      const route = [
        `/incidents/${id}?asOf=${new Date().toISOString()}`,
        `/incidents/${id}?revision=${i % 6}`,
        `/incidents/${id}?reportedBy=2017-05-19T00:00:00Z`,
        `/incidents/${id}/timeline?by=reported&limit=50`,
        `/incidents/${id}/diff?from=0&to=${i % 6}`,
        `/incidents/${id}?reportedBy=2017-05-19T00:00:00Z&asOf=${new Date().toISOString()}`,
      ][i % 6];
      check(`GET ${route}`, await call(url, 'GET', route), 200);
      tally.replays += 1;
    }
  };
  await Promise.all([write(0), write(1), write(2), write(3), read(), read(), replay(), replay()]);
}

function figures(i: number) {
  return [{ measure: 'killed', group: 'civilians', min: i % 7, max: (i % 7) + 2 }];
}
