/**
 * decide: turns a command and the incident's current state into the events to append, or
 * throws a DomainError. Pure and deterministic: ids come with the command, time with `now`.
 */
import type { ChangeStatus, Command, OpenIncident, ReviseIncidentDetails } from './commands.js';
import { assessCasualties, supportClaim } from './decide-analysis.js';
import { decideClaimCommand } from './decide-claims.js';
import { deepEqual } from './equal.js';
import { DomainError } from './errors.js';
import type { IncidentDetailsRevised, IncidentEvent, IncidentOpened } from './events.js';
import { stateReader, type ClaimReader } from './incident-fold.js';
import type { IncidentState } from './state.js';
import { checkOccurredAt, checkStatus, optionalText, requireText, worldTime } from './validate.js';

/**
 * `claims` finds the state's claims by id; the default searches `state.claims`, a caller that
 * keeps an index (the write path's fold) passes it so a decision does not grow with the incident.
 */
export function decide(
  command: Command,
  state: IncidentState | null,
  now: Date,
  claims: ClaimReader = stateReader(state),
): IncidentEvent[] {
  if (command.type === 'OpenIncident') {
    if (state) {
      throw new DomainError('incident_exists', `incident ${command.incidentId} already exists`);
    }
    return [openIncident(command)];
  }
  if (!state) {
    throw new DomainError('incident_not_found', `no incident ${command.incidentId}`);
  }
  switch (command.type) {
    case 'ReviseIncidentDetails':
      return [reviseDetails(command, state, now)];
    case 'ChangeStatus':
      return [changeStatus(command, state, now)];
    case 'SupportClaim':
      return [supportClaim(command, claims, now)];
    case 'AssessCasualties':
      return [assessCasualties(command, state, claims, now)];
    default:
      return [decideClaimCommand(command, claims, now)];
  }
}

function openIncident(command: OpenIncident): IncidentEvent {
  const { incidentId, summary, location, occurredAt, tags } = command;
  const data: IncidentOpened = {
    incidentId,
    title: requireText(command.title, 'title'),
    ...(summary !== undefined && { summary: requireText(summary, 'summary') }),
    ...(location !== undefined && { location: checkLocation(location) }),
    ...(occurredAt !== undefined && { occurredAt: checkOccurredAt(occurredAt) }),
    ...(tags !== undefined && { tags: checkTags(tags) }),
  };
  return { type: 'IncidentOpened', data };
}

/** Keeps only the fields that differ from the current details; none left is an error. */
function reviseDetails(
  command: ReviseIncidentDetails,
  state: IncidentState,
  now: Date,
): IncidentEvent {
  const wanted: IncidentDetailsRevised = {};
  if (command.title !== undefined) wanted.title = requireText(command.title, 'title');
  if (command.summary !== undefined) {
    wanted.summary = command.summary === null ? null : requireText(command.summary, 'summary');
  }
  if (command.location !== undefined) {
    wanted.location = command.location === null ? null : checkLocation(command.location);
  }
  if (command.occurredAt !== undefined) {
    wanted.occurredAt = command.occurredAt === null ? null : checkOccurredAt(command.occurredAt);
  }
  if (command.tags !== undefined) wanted.tags = checkTags(command.tags);

  const changed: IncidentDetailsRevised = {};
  for (const key of ['title', 'summary', 'location', 'occurredAt', 'tags'] as const) {
    if (wanted[key] !== undefined && !deepEqual(wanted[key], state[key])) {
      Object.assign(changed, { [key]: wanted[key] });
    }
  }
  if (Object.keys(changed).length === 0) {
    throw new DomainError('nothing_to_change', 'the revision does not change any detail');
  }
  const reason = optionalText(command.reason, 'reason');
  return {
    type: 'IncidentDetailsRevised',
    data: { ...changed, ...(reason !== undefined && { reason }), ...worldTime(command, now) },
  };
}

function changeStatus(command: ChangeStatus, state: IncidentState, now: Date): IncidentEvent {
  const status = checkStatus(command.status);
  if (status === state.status) {
    throw new DomainError('status_unchanged', `the incident is already ${status}`, 'status');
  }
  const reason = optionalText(command.reason, 'reason');
  return {
    type: 'IncidentStatusChanged',
    data: {
      status,
      previousStatus: state.status,
      ...(reason !== undefined && { reason }),
      ...worldTime(command, now),
    },
  };
}

function checkLocation(location: NonNullable<OpenIncident['location']>) {
  const { lat, lon } = location;
  if (lat !== undefined && !(Number.isFinite(lat) && Math.abs(lat) <= 90)) {
    throw new DomainError('invalid_value', 'lat must be between -90 and 90', 'location.lat');
  }
  if (lon !== undefined && !(Number.isFinite(lon) && Math.abs(lon) <= 180)) {
    throw new DomainError('invalid_value', 'lon must be between -180 and 180', 'location.lon');
  }
  return {
    name: requireText(location.name, 'location.name'),
    ...(lat !== undefined && { lat }),
    ...(lon !== undefined && { lon }),
  };
}

/** Trimmed, non-empty, without repeats, in the given order. */
function checkTags(tags: string[]): string[] {
  if (!Array.isArray(tags)) throw new DomainError('invalid_value', 'tags must be a list', 'tags');
  return [...new Set(tags.map((tag, i) => requireText(tag, `tags[${i}]`)))];
}
