/**
 * Value checks `decide` runs on every command. The HTTP layer validates bodies first; these
 * guard the domain for any other caller (the demo loader, scripts, tests).
 */
import { groupKey } from './casualties.js';
import { DomainError } from './errors.js';
import {
  ATTRIBUTION_KINDS,
  MEASURES,
  PRECISIONS,
  QUOTED,
  STATUSES,
  TOPICS,
  type AttributionLink,
  type Figure,
  type OccurredAt,
} from './events.js';

/** How far ahead of the server clock a source's `reportedAt` may be (clocks disagree a little). */
export const REPORTED_AT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A non-empty text after trimming; returns it trimmed. */
export function requireText(value: string, field: string): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (!trimmed) throw new DomainError('invalid_value', `${field} must not be empty`, field);
  return trimmed;
}

export function optionalText(value: string | undefined, field: string): string | undefined {
  return value === undefined ? undefined : requireText(value, field);
}

/** An enum member, for values that reach the domain without DTO validation. */
export function requireOneOf<T extends string>(
  values: readonly T[],
  value: string,
  field: string,
): T {
  const found = values.find((member) => member === value);
  if (!found) {
    throw new DomainError('invalid_value', `${field} must be one of ${values.join(', ')}`, field);
  }
  return found;
}

export const checkStatus = (value: string) => requireOneOf(STATUSES, value, 'status');
export const checkQuoted = (value: string) => requireOneOf(QUOTED, value, 'quoted');
export const checkTopic = (value: string) => requireOneOf(TOPICS, value, 'topic');

/** An ISO 8601 time normalised to UTC (`…Z`). */
export function normaliseTime(value: string, field: string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw new DomainError('invalid_time', `${field} is not a valid time`, field);
  return new Date(ms).toISOString();
}

/** A source's report time: valid, normalised, and not later than now plus the clock skew. */
export function checkReportedAt(value: string, now: Date): string {
  const time = normaliseTime(value, 'reportedAt');
  if (Date.parse(time) > now.getTime() + REPORTED_AT_CLOCK_SKEW_MS) {
    throw new DomainError(
      'reported_in_future',
      `reportedAt ${time} is in the future (server time ${now.toISOString()})`,
      'reportedAt',
    );
  }
  return time;
}

/** An optional world time (`reportedAt`) of an editorial event or a dispute, checked as on a report. */
export function worldTime(command: { reportedAt?: string }, now: Date): { reportedAt?: string } {
  return command.reportedAt === undefined
    ? {}
    : { reportedAt: checkReportedAt(command.reportedAt, now) };
}

export function checkOccurredAt(value: OccurredAt): OccurredAt {
  return {
    at: normaliseTime(value.at, 'occurredAt.at'),
    precision: requireOneOf(PRECISIONS, value.precision, 'occurredAt.precision'),
  };
}

/** A non-empty chain whose links each have a name and a known kind. */
export function checkAttribution(
  links: AttributionLink[],
  field = 'attribution',
): AttributionLink[] {
  if (!Array.isArray(links) || links.length === 0) {
    throw new DomainError('invalid_attribution', `${field} must name at least one source`, field);
  }
  links.forEach((link, i) => {
    if (typeof link.name !== 'string' || !link.name.trim()) {
      throw new DomainError('invalid_attribution', 'a source needs a name', `${field}[${i}].name`);
    }
    if (!ATTRIBUTION_KINDS.some((kind) => kind === link.kind)) {
      throw new DomainError(
        'invalid_attribution',
        `kind must be one of ${ATTRIBUTION_KINDS.join(', ')}`,
        `${field}[${i}].kind`,
      );
    }
  });
  return links;
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/** Non-empty; whole numbers ≥ 0; min ≤ max (max null: no upper bound); one per measure and group. */
export function checkFigures(figures: Figure[]): Figure[] {
  if (!Array.isArray(figures) || figures.length === 0) {
    throw new DomainError('invalid_figures', 'figures must hold at least one figure', 'figures');
  }
  const seen = new Set<string>();
  figures.forEach((figure, i) => {
    const at = `figures[${i}]`;
    const fail = (detail: string, field: string) => {
      throw new DomainError('invalid_figures', detail, `${at}.${field}`);
    };
    if (!MEASURES.some((measure) => measure === figure.measure)) {
      fail(`measure must be one of ${MEASURES.join(', ')}`, 'measure');
    }
    if (typeof figure.group !== 'string' || !figure.group.trim()) fail('group is empty', 'group');
    if (!isCount(figure.min)) fail('min must be a whole number ≥ 0', 'min');
    if (figure.max !== null && !isCount(figure.max))
      fail('max must be a whole number ≥ 0 or null', 'max');
    if (figure.max !== null && figure.max < figure.min) fail('min must not exceed max', 'max');
    const key = groupKey(figure);
    if (seen.has(key)) fail(`${figure.measure} / ${figure.group} is given twice`, 'group');
    seen.add(key);
  });
  return figures;
}
