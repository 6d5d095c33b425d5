import { useState } from 'preact/hooks';
import { TOPICS } from '../../../incidents/domain/events.js';
import { CLAIM_KINDS, CLAIM_STATES, FILTER_FLAGS } from '../../../search/claim-filter.js';
import type { ClaimFilter } from '../api/claims.js';

interface Props {
  filter: ClaimFilter;
  onChange: (filter: ClaimFilter) => void;
}

type Choice = 'state' | 'flag' | 'topic' | 'kind';

const CHOICES: { field: Choice; label: string; any: string; values: readonly string[] }[] = [
  { field: 'state', label: 'State', any: 'any state', values: CLAIM_STATES },
  { field: 'flag', label: 'Flag', any: 'any flag', values: FILTER_FLAGS },
  { field: 'topic', label: 'Topic', any: 'any topic', values: TOPICS },
  { field: 'kind', label: 'Kind', any: 'any kind', values: CLAIM_KINDS },
];

/** Drops empty fields, so an empty filter is `{}` and the query names only what was asked. */
export function cleanFilter(filter: ClaimFilter): ClaimFilter {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  );
}

/**
 * The claims filter of GET /incidents/:id/claims: a choice applies at once; the source and text
 * fields apply on Enter or "Filter".
 */
export function ClaimsFilter({ filter, onChange }: Props) {
  const [source, setSource] = useState(filter.source ?? '');
  const [q, setQ] = useState(filter.q ?? '');
  const apply = (next: ClaimFilter): void => onChange(cleanFilter(next));
  const filtering = Object.keys(filter).length > 0;
  return (
    <form
      class="claims-filter"
      role="search"
      aria-label="Filter the claims"
      data-testid="claims-filter"
      onSubmit={(event) => {
        event.preventDefault();
        apply({ ...filter, source: source.trim(), q: q.trim() });
      }}
    >
      {CHOICES.map(({ field, label, any, values }) => (
        <label key={field}>
          {label}
          <select
            value={filter[field] ?? ''}
            data-testid={`claims-filter-${field}`}
            onChange={(event) => apply({ ...filter, [field]: event.currentTarget.value })}
          >
            <option value="">{any}</option>
            {values.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        Source
        <input
          type="text"
          dir="auto"
          value={source}
          placeholder="whole name, e.g. Reuters"
          data-testid="claims-filter-source"
          onInput={(event) => setSource(event.currentTarget.value)}
        />
      </label>
      <label>
        Text
        <input
          type="search"
          dir="auto"
          value={q}
          placeholder="words in the claim"
          data-testid="claims-filter-q"
          onInput={(event) => setQ(event.currentTarget.value)}
        />
      </label>
      <div class="claims-filter-buttons">
        <button type="submit" class="button" data-testid="claims-filter-apply">
          Filter
        </button>
        {filtering && (
          <button
            type="button"
            class="button"
            data-testid="claims-filter-clear"
            onClick={() => {
              setSource('');
              setQ('');
              onChange({});
            }}
          >
            Clear
          </button>
        )}
      </div>
    </form>
  );
}
