/** One line of a bench table: the service's figure next to the raw baseline's. */
export interface Row {
  what: string;
  figure: string;
  baseline: string;
  ratio: string;
  /** The same figure as numbers, for latest.json (absent: the row has no numeric figure). */
  numbers?: { value: number; unit: string; baseline: number | null };
}

/** One figure of latest.json. */
export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
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

/** A row from numbers: the figure, its raw baseline in the same run (or none), and the ratio. */
export function row(
  what: string,
  value: number,
  unit: string,
  baseline: number | null,
  digits = 1,
  baselineUnit = unit,
): Row {
  return {
    what,
    figure: fmt(value, unit, digits),
    baseline: baseline === null ? '—' : fmt(baseline, baselineUnit, digits),
    ratio: baseline === null ? '—' : ratio(value, baseline),
    numbers: { value, unit, baseline },
  };
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? Number(value.toPrecision(6)) : null;
}

/** The section's rows as latest.json figures, named `<section>: <measure>`. */
export function figuresOf(section: Section): Figure[] {
  return section.rows.map((r) => {
    const numbers = r.numbers;
    const value = numbers ? finite(numbers.value) : null;
    const baseline = numbers?.baseline == null ? null : finite(numbers.baseline);
    return {
      name: `${section.title}: ${r.what}`,
      value,
      unit: numbers?.unit ?? '',
      baseline,
      ratio:
        value === null || baseline === null || baseline === 0
          ? null
          : Number((value / baseline).toPrecision(4)),
    };
  });
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
