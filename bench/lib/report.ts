/** One line of a bench table: the service's figure next to the raw baseline's. */
export interface Row {
  what: string;
  figure: string;
  baseline: string;
  ratio: string;
}

/** One bench's results: what was measured, how, and the table. */
export interface Section {
  title: string;
  setup: string[];
  rows: Row[];
  notes: string[];
}

/** `figure / baseline`, e.g. "0.31×" (for throughput below 1 is slower, for latency above 1 is). */
export function ratio(figure: number, baseline: number): string {
  if (!Number.isFinite(figure) || !Number.isFinite(baseline) || baseline === 0) return 'n/a';
  const r = figure / baseline;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toPrecision(2)}×`;
}

export function fmt(value: number, unit: string, digits = 1): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits })} ${unit}`;
}

export function mb(kilobytes: number): string {
  return fmt(kilobytes / 1024, 'MB', 0);
}

/** The section as Markdown: a heading, the set-up, the table, the notes. */
export function renderSection(section: Section): string {
  const lines = [`### ${section.title}`, ''];
  for (const line of section.setup) lines.push(`- ${line}`);
  lines.push('', '| measure | storyline | raw baseline | ratio |', '| --- | --: | --: | --: |');
  for (const row of section.rows)
    lines.push(`| ${row.what} | ${row.figure} | ${row.baseline} | ${row.ratio} |`);
  if (section.notes.length > 0) lines.push('');
  for (const note of section.notes) lines.push(`- ${note}`);
  lines.push('');
  return lines.join('\n');
}
