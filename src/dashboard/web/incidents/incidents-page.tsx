import { useEffect, useState } from 'preact/hooks';
import { STATUSES } from '../api/api-types.js';
import { IncidentRow } from './incident-row.js';
import { useIncidentList } from './use-incident-list.js';

/**
 * Every incident, most recently updated first, live; filter by status, search by text: the
 * service's full-text search (every word, the last one as a prefix, over titles, summaries,
 * places, tags, claims and sources), ranked by relevance.
 */
export function IncidentsPage() {
  const [status, setStatus] = useState('');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const list = useIncidentList({ status, q });

  // Search as the user types, once they pause.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <section
      class="incidents-page"
      aria-labelledby="incidents-heading"
      data-testid="incidents-page"
    >
      <h1 id="incidents-heading">Incidents</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(text.trim());
        }}
      >
        <label>
          Search
          <input
            type="search"
            value={text}
            placeholder="Words from a title, place, tag, claim or source"
            data-testid="incidents-search"
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        <label>
          Status
          <select
            value={status}
            data-testid="incidents-status-filter"
            onChange={(event) => setStatus(event.currentTarget.value)}
          >
            <option value="">Any status</option>
            {STATUSES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.error && (
        <p class="error" role="alert">
          Could not load incidents: {list.error}
        </p>
      )}
      {!list.loading && list.items.length === 0 && !list.error && (
        <p class="muted">No incident matches.</p>
      )}
      <ul
        class="incident-list"
        data-testid="incidents-list"
        data-feed={list.live ? 'live' : 'waiting'}
        data-query={list.shownQ}
        aria-busy={list.loading}
      >
        {list.items.map((incident) => (
          <IncidentRow
            key={incident.incidentId}
            incident={incident}
            fresh={list.fresh.has(incident.incidentId)}
          />
        ))}
      </ul>
      {list.nextCursor && (
        <button type="button" class="button" onClick={list.loadMore}>
          Show more incidents
        </button>
      )}
    </section>
  );
}
