import type { ClaimView } from '../api/api-types.js';
import { formatChain, formatFigures, formatTime } from './format.js';

type Field = keyof ClaimView;

/** Fields in the order an auditor reads them, with their labels; others are not shown. */
const LABELS: Partial<Record<Field, string>> = {
  state: 'State',
  text: 'Text',
  figures: 'Figures',
  quoted: 'Quoted',
  topic: 'Topic',
  attribution: 'Attribution',
  reportedAt: 'Reported',
  url: 'Link',
  revisionNote: 'Source’s note',
  correction: 'Our correction',
  disputes: 'Disputed by',
  supports: 'Supported by',
  corroboration: 'Corroboration',
  retraction: 'Retraction',
};

export const AUDITED_FIELDS = Object.keys(LABELS) as Field[];

export function fieldLabel(field: string): string {
  return LABELS[field as Field] ?? field;
}

/** True for a value that says nothing (absent, null, empty list). */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** A claim field's value in words, for the audit's before → after. */
export function formatField(field: string, value: unknown): string {
  if (isEmpty(value)) return '—';
  const claim = { [field]: value } as Partial<ClaimView>;
  switch (field as Field) {
    case 'figures':
      return formatFigures(claim.figures);
    case 'attribution':
      return formatChain(claim.attribution);
    case 'reportedAt':
      return formatTime(claim.reportedAt);
    case 'correction':
      return claim.correction
        ? `by ${claim.correction.by} on ${formatTime(claim.correction.recordedAt)}: ${claim.correction.reason}`
        : '—';
    case 'disputes':
    case 'supports':
      return (claim[field as 'disputes' | 'supports'] ?? [])
        .map((judgement) => `${judgement.byClaimId}${judgement.note ? ` (${judgement.note})` : ''}`)
        .join('; ');
    case 'corroboration':
      return claim.corroboration
        ? `${claim.corroboration.grade}, ${claim.corroboration.independentSources} independent ${claim.corroboration.independentSources === 1 ? 'source' : 'sources'}`
        : '—';
    case 'retraction':
      return claim.retraction
        ? `${claim.retraction.reason} (${formatChain(claim.retraction.attribution)}, ${formatTime(claim.retraction.reportedAt)})`
        : '—';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
