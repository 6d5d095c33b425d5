/**
 * Test support: records events the way the store would (revision, position, recordedAt from a
 * fake clock) and runs commands through decide + evolve. Used by the domain and demo tests.
 */
import type { Command } from '../commands.js';
import { decide } from '../decide.js';
import type { IncidentEvent } from '../events.js';
import { evolve } from '../evolve.js';
import type { IncidentState, RecordedIncidentEvent } from '../state.js';

/** A clock that only moves when told to. */
export class FakeClock {
  private ms: number;
  constructor(start: string) {
    this.ms = Date.parse(start);
  }
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): Date {
    this.ms += ms;
    return this.now();
  }
  set(time: string): Date {
    this.ms = Date.parse(time);
    return this.now();
  }
}

export class Recorder {
  readonly events: RecordedIncidentEvent[] = [];
  state: IncidentState | null = null;

  constructor(
    readonly clock = new FakeClock('2017-05-18T21:00:00Z'),
    readonly recordedBy = 'tester',
    /** Each recorded event moves the clock this far. */
    readonly stepMs = 1000,
  ) {}

  /** Records events as stored now, in order. */
  record(...events: IncidentEvent[]): RecordedIncidentEvent[] {
    return events.map((event) => {
      const revision = this.events.length;
      const recorded = {
        ...event,
        eventId: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
        revision,
        position: String(1000 + revision * 7),
        recordedAt: this.clock.now().toISOString(),
        recordedBy: this.recordedBy,
      };
      this.events.push(recorded);
      this.state = evolve(this.state, recorded);
      this.clock.advance(this.stepMs);
      return recorded;
    });
  }

  /** decide on the current state at the clock's time, then record what it decided. */
  execute(command: Command): RecordedIncidentEvent[] {
    return this.record(...decide(command, this.state, this.clock.now()));
  }
}
