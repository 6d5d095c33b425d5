import type { AttributionLink, Figure } from '../api/api-types.js';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

const timeOnly = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

/** Every time on the page is UTC, as the service answers: a story spans time zones. */
export function formatTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${dateTime.format(ms)} UTC`;
}

export function formatClock(ms: number): string {
  return timeOnly.format(ms);
}

/** "6", "1+" (no upper bound) or "3–5". */
export function formatRange(min: number, max: number | null): string {
  if (max === null) return `${min}+`;
  return min === max ? String(min) : `${min}–${max}`;
}

/** "6 killed (pro-government militia), at least" style, one figure. */
export function formatFigure(figure: Figure): string {
  const wording = figure.wording ? ` — “${figure.wording}”` : '';
  return `${formatRange(figure.min, figure.max)} ${figure.measure} (${figure.group})${wording}`;
}

export function formatFigures(figures: readonly Figure[] | undefined): string {
  return figures && figures.length > 0 ? figures.map(formatFigure).join('; ') : '—';
}

/** One link in words: "unnamed US official" / "Josh Jacques, US Central Command spokesman". */
export function formatLink(link: AttributionLink): string {
  const role = link.role ? `, ${link.role}` : '';
  return `${link.name}${role}`;
}

export function formatChain(chain: readonly AttributionLink[] | undefined): string {
  if (!chain || chain.length === 0) return '—';
  return chain.map(formatLink).join(' → ');
}

/** "datetime-local" inputs carry no zone: the page reads and writes them as UTC. */
export function toLocalInput(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value.length === 16 ? `${value}:00Z` : `${value}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
