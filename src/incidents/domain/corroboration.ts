/**
 * Corroboration (API.md, "support and corroboration"): the distinct original speakers of a claim
 * and of its non-retracted supporters, and the grade they give. Pure.
 */
import type { AttributionLink } from './events.js';
import type { ClaimState } from './state.js';
import type { Corroboration } from './view-types.js';

/** A name as speakers are matched: case-folded, inner space collapsed, trimmed. */
export function foldName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * Who an attribution counts as: a named speaker is one source per kind and name; unnamed
 * speakers of one kind count once per first relay ("a US official" and "a senior US official"
 * via Reuters may be one person).
 */
export function speakerKey(attribution: readonly AttributionLink[]): string {
  const speaker = attribution[0];
  if (!speaker) return '';
  if (speaker.named !== false) return `named\u0000${speaker.kind}\u0000${foldName(speaker.name)}`;
  return `unnamed\u0000${speaker.kind}\u0000${foldName(attribution[1]?.name ?? '')}`;
}

type Find = (claimId: string) => ClaimState | undefined;

const live = (claim: ClaimState | undefined): claim is ClaimState =>
  claim !== undefined && !claim.flags.includes('retracted');

/** The claim's corroboration given how its supporters and disputers stand now. */
export function corroborationOf(claim: ClaimState, find: Find): Corroboration {
  const speakers = new Set([speakerKey(claim.attribution)]);
  for (const id of claim.supportedBy) {
    const by = find(id);
    if (live(by)) speakers.add(speakerKey(by.attribution));
  }
  const independentSources = speakers.size;
  const grade = claim.flags.includes('retracted')
    ? 'retracted'
    : claim.disputedBy.some((id) => live(find(id)))
      ? 'contested'
      : independentSources >= 2
        ? 'corroborated'
        : 'single-source';
  return { independentSources, grade };
}
