/** The filters of GET /incidents/:id/claims and what a claim reads as in words. */
import type { Figure } from '../incidents/domain/events.js';
import type { ClaimView } from '../incidents/domain/view-types.js';

export const CLAIM_STATES = ['active', 'revised', 'corrected', 'disputed', 'retracted'] as const;

/** Every flag a claim can carry (`supported` included: API.md, "Claims: every state at once"). */
export const FILTER_FLAGS = ['revised', 'corrected', 'disputed', 'supported', 'retracted'] as const;

export const CLAIM_KINDS = ['statement', 'casualties'] as const;

export interface ClaimFilter {
  state?: string;
  flag?: string;
  topic?: string;
  kind?: string;
  source?: string;
  q?: string;
}

/** "6 killed (civilians)", "at least 3 injured (soldiers)", "10–20 missing (crew)". */
export function figureText(figure: Figure): string {
  const { min, max, measure, group } = figure;
  const amount = max === null ? `at least ${min}` : max === min ? `${min}` : `${min}–${max}`;
  return `${amount} ${measure} (${group})`;
}

/** A claim in words: a statement's text, or a casualty report's figures. */
export function claimText(claim: Pick<ClaimView, 'text' | 'figures'>): string {
  return claim.text ?? (claim.figures ?? []).map(figureText).join(', ');
}
