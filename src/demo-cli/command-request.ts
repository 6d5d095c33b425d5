import type { Command } from '../incidents/domain/commands.js';

/** The HTTP request of API.md that carries out a domain command. */
export interface CommandRequest {
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
}

const incident = (id: string): string => `/incidents/${encodeURIComponent(id)}`;
const claim = (id: string, claimId: string): string =>
  `${incident(id)}/claims/${encodeURIComponent(claimId)}`;

/** Drops `undefined` fields: the API rejects nothing for them, but they add noise to logs. */
function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Maps each command to its route (API.md "HTTP"): the public path, never the domain directly. */
export function toRequest(command: Command): CommandRequest {
  switch (command.type) {
    case 'OpenIncident': {
      const { type: _type, ...body } = command;
      return { method: 'POST', path: '/incidents', body: defined(body) };
    }
    case 'ReviseIncidentDetails': {
      const { type: _type, incidentId, ...body } = command;
      return { method: 'PATCH', path: incident(incidentId), body: defined(body) };
    }
    case 'ChangeStatus': {
      const { type: _type, incidentId, ...body } = command;
      return { method: 'POST', path: `${incident(incidentId)}/status`, body: defined(body) };
    }
    case 'ReportStatement': {
      const { type: _type, incidentId, ...body } = command;
      return { method: 'POST', path: `${incident(incidentId)}/statements`, body: defined(body) };
    }
    case 'ReportCasualtyFigures': {
      const { type: _type, incidentId, ...body } = command;
      return {
        method: 'POST',
        path: `${incident(incidentId)}/casualty-reports`,
        body: defined(body),
      };
    }
    case 'ReviseClaim': {
      const { type: _type, incidentId, claimId, ...body } = command;
      return {
        method: 'POST',
        path: `${claim(incidentId, claimId)}/revisions`,
        body: defined(body),
      };
    }
    case 'CorrectClaim': {
      const { type: _type, incidentId, claimId, ...body } = command;
      return {
        method: 'POST',
        path: `${claim(incidentId, claimId)}/corrections`,
        body: defined(body),
      };
    }
    case 'DisputeClaim': {
      const { type: _type, incidentId, claimId, ...body } = command;
      return {
        method: 'POST',
        path: `${claim(incidentId, claimId)}/disputes`,
        body: defined(body),
      };
    }
    case 'RetractClaim': {
      const { type: _type, incidentId, claimId, ...body } = command;
      return {
        method: 'POST',
        path: `${claim(incidentId, claimId)}/retractions`,
        body: defined(body),
      };
    }
    case 'SupportClaim': {
      const { type: _type, incidentId, claimId, ...body } = command;
      return {
        method: 'POST',
        path: `${claim(incidentId, claimId)}/supports`,
        body: defined(body),
      };
    }
    case 'AssessCasualties': {
      const { type: _type, incidentId, ...body } = command;
      return {
        method: 'POST',
        path: `${incident(incidentId)}/casualty-assessments`,
        body: defined(body),
      };
    }
  }
}

/** The same story under another incident id, so it can be replayed into a store that has it. */
export function withIncidentId(commands: readonly Command[], incidentId: string): Command[] {
  return commands.map((command) => ({ ...command, incidentId }));
}

/** A fresh id: the story's own id plus a base-36 time suffix (still a valid incident id). */
export function freshIncidentId(base: string, now: number = Date.now()): string {
  return `${base}-${now.toString(36)}`.slice(0, 64);
}
