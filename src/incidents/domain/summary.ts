/** One readable line per event, for the timeline ("Al-Masdar News: 6 killed, 3 injured (…)"). */
import type { Figure, IncidentEvent } from './events.js';
import { citingName } from './source-name.js';
import { type ClaimReader, stateReader } from './incident-fold.js';
import type { IncidentState } from './state.js';

/** Longest statement text a summary quotes before cutting it with "…". */
export const SUMMARY_TEXT_LIMIT = 140;

/**
 * The timeline line for an event. `before` (the state the event was applied to) lets a dispute
 * name the disputing source; without it the line names claim ids only.
 */
export function summarize(
  event: IncidentEvent,
  before?: IncidentState | ClaimReader | null,
): string {
  switch (event.type) {
    case 'IncidentOpened':
      return `Incident opened: ${event.data.title}`;
    case 'IncidentDetailsRevised': {
      const { reason, ...changed } = event.data;
      return withReason(`Details revised: ${Object.keys(changed).join(', ')}`, reason);
    }
    case 'IncidentStatusChanged': {
      const { status, previousStatus, reason } = event.data;
      return withReason(`Status: ${previousStatus} → ${status}`, reason);
    }
    case 'StatementReported': {
      const { attribution, text, quoted } = event.data;
      return `${citingName(attribution)}: ${quoteText(text, quoted === 'verbatim')}`;
    }
    case 'CasualtyFiguresReported':
      return `${citingName(event.data.attribution)}: ${formatFigures(event.data.figures)}`;
    case 'ClaimRevisedBySource': {
      const { attribution, claimId, text, figures, note } = event.data;
      const content = figures ? formatFigures(figures) : quoteText(text ?? '', false);
      return withReason(`${citingName(attribution)} revised ${claimId}: ${content}`, note);
    }
    case 'ClaimCorrected': {
      const { claimId, reason, ...rest } = event.data;
      const fields = Object.keys(rest).filter((key) => key !== 'claimId');
      return withReason(`Correction of ${claimId} (${fields.join(', ')})`, reason);
    }
    case 'ClaimDisputed': {
      const { claimId, disputedByClaimId, note } = event.data;
      const who = claimBy(disputedByClaimId, before);
      return withReason(`${who} disputes claim ${claimId}`, note);
    }
    case 'ClaimSupported': {
      const { claimId, supportedByClaimId, note } = event.data;
      const who = claimBy(supportedByClaimId, before);
      return withReason(`${who} supports claim ${claimId}`, note);
    }
    case 'CasualtyEstimateAssessed': {
      const { measure, group, low, best, high, basis, reason } = event.data;
      const range = high === null ? `at least ${low}` : low === high ? `${low}` : `${low}–${high}`;
      const line = `Desk assessment: ${range} ${measure} (${group.trim()}), best ${best}; basis ${basis.join(', ')}`;
      return withReason(line, reason);
    }
    case 'ClaimRetracted': {
      const { attribution, claimId, reason } = event.data;
      return withReason(`${citingName(attribution)} retracted ${claimId}`, reason);
    }
  }
}

/** "6 killed, 3 injured (pro-government militia)"; groups apart with "; ". */
export function formatFigures(figures: readonly Figure[]): string {
  const groups = new Map<string, string[]>();
  for (const figure of figures) {
    const parts = groups.get(figure.group) ?? [];
    parts.push(formatFigure(figure));
    groups.set(figure.group, parts);
  }
  return [...groups].map(([group, parts]) => `${parts.join(', ')} (${group})`).join('; ');
}

function formatFigure({ measure, min, max, wording }: Figure): string {
  const count = max === null ? `at least ${min}` : max === min ? `${min}` : `${min}–${max}`;
  const redundant = wording === undefined || (max === null && /^at least\b/i.test(wording));
  return `${count} ${measure}${redundant ? '' : `, "${wording}"`}`;
}

/** The text cut at a word near the limit, in quotes when verbatim. */
function quoteText(text: string, verbatim: boolean): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  let cut = clean;
  if (clean.length > SUMMARY_TEXT_LIMIT) {
    const head = clean.slice(0, SUMMARY_TEXT_LIMIT - 1);
    const space = head.lastIndexOf(' ');
    cut = `${(space > SUMMARY_TEXT_LIMIT / 2 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, '')}…`;
  }
  return verbatim ? `"${cut}"` : cut;
}

/** "Reuters's claim c2" when the state knows the claim's speaker, else "Claim c2". */
function claimBy(claimId: string, before?: IncidentState | ClaimReader | null): string {
  const reader = before && ('claim' in before ? before : stateReader(before));
  const speaker = reader ? reader.claim(claimId)?.attribution[0]?.name : undefined;
  return speaker ? `${possessive(speaker)} claim ${claimId}` : `Claim ${claimId}`;
}

function withReason(line: string, reason: string | undefined): string {
  return reason ? `${line} — ${reason}` : line;
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
