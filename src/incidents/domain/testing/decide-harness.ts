/** Test support for the decider specs: Given events, When a command at NOW, Then events or a refusal. */
import type { Command } from '../commands.js';
import { decide } from '../decide.js';
import type { DomainErrorCode } from '../errors.js';
import type { IncidentEvent } from '../events.js';
import { expectRefusal } from './expect-refusal.js';
import { Recorder } from './recorder.js';
import { opened, wire } from './samples.js';

export const NOW = new Date('2017-05-18T21:00:00Z');

/** An hour before NOW: when the sample sources revise or retract. */
export const reportedAt = '2017-05-18T20:00:00.000Z';

/** The state after the sample incident was opened and then these events recorded. */
export function given(...events: IncidentEvent[]) {
  const recorder = new Recorder();
  recorder.record(opened, ...events);
  return recorder.state;
}

/** What decide makes of the command on the opened incident plus these events. */
export const when = (command: Command, ...events: IncidentEvent[]) =>
  decide(command, given(...events), NOW);

/** Asserts that the command is refused with this code (and field, when given). */
export const refused = (
  command: Command,
  events: IncidentEvent[],
  code: DomainErrorCode,
  field?: string,
) => expectRefusal(() => when(command, ...events), code, field);

/** The wire service retracts the claim, at `reportedAt`. */
export const retraction = (claimId: string, reason = 'withdrawn'): IncidentEvent => ({
  type: 'ClaimRetracted',
  data: { claimId, attribution: wire, reportedAt, reason },
});
