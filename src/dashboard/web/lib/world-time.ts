/**
 * World time on the page, as the service has it (API.md, "World time on every event"): each
 * timeline entry's world-time key, and the distinct world times a replay can step through.
 */
import type { IncidentEvent } from '../../../incidents/domain/events.js';
import type { TimelineEntry } from '../api/api-types.js';

function utc(time: string): string {
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}

/**
 * The by=reported key of each entry (by revision): its reportedAt; a correction its claim's first
 * reportedAt; an undated dispute or support the later of its two claims'; an undated editorial event its
 * recordedAt; the opening '' (before everything).
 */
export function worldKeys(entries: readonly TimelineEntry[]): Map<number, string> {
  const first = new Map<string, string>();
  const keys = new Map<number, string>();
  const sorted = [...entries].sort((a, b) => a.revision - b.revision);
  for (const entry of sorted) {
    const event = { type: entry.type, data: entry.data } as IncidentEvent;
    let key: string;
    switch (event.type) {
      case 'IncidentOpened':
        key = '';
        break;
      case 'StatementReported':
      case 'CasualtyFiguresReported':
        key = utc(entry.reportedAt ?? entry.recordedAt);
        if (!first.has(event.data.claimId)) first.set(event.data.claimId, key);
        break;
      case 'ClaimCorrected':
        key = first.get(event.data.claimId) ?? entry.recordedAt;
        break;
      case 'ClaimDisputed':
      case 'ClaimSupported': {
        const by =
          event.type === 'ClaimDisputed'
            ? event.data.disputedByClaimId
            : event.data.supportedByClaimId;
        const a = first.get(event.data.claimId) ?? entry.recordedAt;
        const b = first.get(by) ?? entry.recordedAt;
        key = event.data.reportedAt ? utc(event.data.reportedAt) : a > b ? a : b;
        break;
      }
      default:
        key = utc(entry.reportedAt ?? entry.recordedAt);
    }
    keys.set(entry.revision, key);
  }
  return keys;
}

/** Each distinct world time (`reportedAt`) of the incident's events, earliest first. */
export function worldTimes(entries: readonly TimelineEntry[]): string[] {
  const times = new Set<string>();
  for (const entry of entries) if (entry.reportedAt) times.add(utc(entry.reportedAt));
  return [...times].sort();
}
