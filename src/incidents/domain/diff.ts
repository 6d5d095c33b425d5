/** The difference between two views of one incident, claim by claim (GET /incidents/:id/diff). */
import { groupKey } from './casualties.js';
import { deepEqual } from './equal.js';
import type {
  CasualtyView,
  ClaimView,
  FieldChange,
  IncidentView,
  ViewChange,
  ViewDiff,
} from './view-types.js';

const INCIDENT_FIELDS = ['title', 'summary', 'location', 'occurredAt', 'tags', 'status'] as const;

/** Claim fields compared; bookkeeping (versions, updatedAt, recordedAt, source) is left out. */
const CLAIM_FIELDS = [
  'state',
  'flags',
  'text',
  'quoted',
  'topic',
  'url',
  'figures',
  'attribution',
  'reportedAt',
  'disputedBy',
  'supportedBy',
  'corroboration',
  'revisionNote',
  'correction',
  'retraction',
] as const satisfies readonly (keyof ClaimView)[];

/**
 * Incident fields first, then claims in the order of `after` (claims only in `before` last),
 * then casualty ranges that moved. `from`/`to` are the two views' revisions.
 */
export function diffViews(before: IncidentView, after: IncidentView): ViewDiff {
  const changes: ViewChange[] = [];
  for (const field of INCIDENT_FIELDS) {
    if (!deepEqual(before[field], after[field])) {
      changes.push({ type: 'incident-changed', field, before: before[field], after: after[field] });
    }
  }
  const earlier = new Map(before.claims.map((claim) => [claim.claimId, claim]));
  for (const claim of after.claims) {
    const old = earlier.get(claim.claimId);
    if (!old) {
      changes.push({ type: 'claim-added', claimId: claim.claimId, claim });
      continue;
    }
    const fields = changedFields(old, claim);
    if (fields.length === 0) continue;
    changes.push(
      claim.state === 'retracted' && old.state !== 'retracted'
        ? { type: 'claim-retracted', claimId: claim.claimId, flags: claim.flags, fields }
        : {
            type: 'claim-changed',
            claimId: claim.claimId,
            state: claim.state,
            flags: claim.flags,
            fields,
          },
    );
  }
  const later = new Set(after.claims.map((claim) => claim.claimId));
  for (const claim of before.claims) {
    if (!later.has(claim.claimId)) {
      changes.push({ type: 'claim-removed', claimId: claim.claimId, claim });
    }
  }
  changes.push(...casualtyChanges(before.casualties, after.casualties));
  return { from: before.revision, to: after.revision, changes };
}

function changedFields(before: ClaimView, after: ClaimView): FieldChange[] {
  return CLAIM_FIELDS.filter((field) => !deepEqual(before[field], after[field])).map((field) => ({
    field,
    before: before[field] ?? null,
    after: after[field] ?? null,
  }));
}

const rowKey = (row: CasualtyView) => groupKey(row);
const range = (row: CasualtyView | undefined) => (row ? { min: row.min, max: row.max } : null);

function casualtyChanges(before: CasualtyView[], after: CasualtyView[]): ViewChange[] {
  const old = new Map(before.map((row) => [rowKey(row), row]));
  const now = new Map(after.map((row) => [rowKey(row), row]));
  const keys = [...new Set([...now.keys(), ...old.keys()])];
  return keys.flatMap((key): ViewChange[] => {
    const a = old.get(key);
    const b = now.get(key);
    const row = (b ?? a) as CasualtyView;
    const changes: ViewChange[] = [];
    const { measure, group } = row;
    if (!deepEqual(range(a), range(b))) {
      changes.push({
        type: 'casualties-changed',
        measure,
        group,
        before: range(a),
        after: range(b),
      });
    }
    const assessed = { before: a?.assessment ?? null, after: b?.assessment ?? null };
    if (!deepEqual(assessed.before, assessed.after)) {
      changes.push({ type: 'casualty-assessed', measure, group, ...assessed });
    }
    return changes;
  });
}
