import { useEffect, useMemo, useState } from 'preact/hooks';
import { listSources, type SourceRecord } from '../api/sources-http.js';
import { formatTime } from '../lib/format.js';
import { sourceHref } from '../shell/use-hash-route.js';
import { nextSort, SOURCE_COLUMNS, sortSources, type SourceSort } from './source-order.js';

const day = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** The day in the table (UTC), the full time on hover and to assistive technology. */
function Day({ at }: { at: string }) {
  return (
    <time dateTime={at} title={formatTime(at)}>
      {day.format(Date.parse(at))}
    </time>
  );
}

const errorText = (failure: unknown): string =>
  failure instanceof Error ? failure.message : String(failure);

/** Every speaker and outlet with its track record, sortable by any column. */
export function SourcesPage() {
  const [rows, setRows] = useState<SourceRecord[]>([]);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [sort, setSort] = useState<SourceSort>({ column: 'claims', direction: 'descending' });

  useEffect(() => {
    document.title = 'Sources · storyline';
    let current = true;
    listSources()
      .then((page) => {
        if (!current) return;
        setRows(page.items);
        setNextCursor(page.nextCursor ?? undefined);
      })
      .catch((failure: unknown) => current && setError(errorText(failure)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, []);

  const loadMore = (): void => {
    if (!nextCursor) return;
    listSources(nextCursor)
      .then((page) => {
        setRows((shown) => [...shown, ...page.items]);
        setNextCursor(page.nextCursor ?? undefined);
      })
      .catch((failure: unknown) => setError(errorText(failure)));
  };

  const sorted = useMemo(() => sortSources(rows, sort), [rows, sort]);

  return (
    <section class="sources-page" aria-labelledby="sources-heading" data-testid="sources-page">
      <h1 id="sources-heading">Sources</h1>
      <p class="muted">
        Every speaker and outlet named in a claim’s attribution, with its record: how often it was
        first to say something or relayed it, and how many of those claims were revised, corrected,
        disputed, supported or retracted.
      </p>
      {error && (
        <p class="error" role="alert">
          Could not load sources: {error}
        </p>
      )}
      {!loading && !error && rows.length === 0 && <p class="muted">No source yet.</p>}
      {rows.length > 0 && (
        // scrolls sideways on a phone: focusable, so a keyboard can scroll it too
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Track records">
          <table class="sources-table" data-testid="sources-table" aria-busy={loading}>
            <caption class="visually-hidden">
              Track record of each source; select a column heading to sort by it.
            </caption>
            <thead>
              <tr>
                {SOURCE_COLUMNS.map(({ column, label, numeric }) => (
                  <th
                    key={column}
                    scope="col"
                    class={numeric ? 'numeric' : undefined}
                    aria-sort={sort.column === column ? sort.direction : undefined}
                    data-column={column}
                  >
                    <button
                      type="button"
                      class="sort-button"
                      data-testid={`sort-${column}`}
                      onClick={() => setSort(nextSort(sort, column))}
                    >
                      {label}
                      <span aria-hidden="true" class="sort-mark">
                        {sort.column === column ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => (
                <tr
                  key={`${row.kind}|${row.name}`}
                  data-testid="source-row"
                  data-name={row.name}
                  data-kind={row.kind}
                >
                  <th scope="row">
                    <a href={sourceHref(row.kind, row.name)} dir="auto">
                      {row.name}
                    </a>
                  </th>
                  <td>{row.kind}</td>
                  {SOURCE_COLUMNS.filter((entry) => entry.numeric).map(({ column }) => (
                    <td key={column} class="numeric" data-column={column}>
                      {row[column]}
                    </td>
                  ))}
                  <td class="date">
                    <Day at={row.firstReportedAt} />
                  </td>
                  <td class="date">
                    <Day at={row.lastReportedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <p class="sources-more">
          <span class="muted">
            The {rows.length} sources with the most claims are shown and sorted; more follow.
          </span>{' '}
          <button type="button" class="button" data-testid="sources-more" onClick={loadMore}>
            Show more sources
          </button>
        </p>
      )}
    </section>
  );
}
