import { useEffect, useRef } from 'preact/hooks';
import { IncidentPage } from '../incident/incident-page.js';
import { IncidentsPage } from '../incidents/incidents-page.js';
import { SourcePage } from '../sources/source-page.js';
import { SourcesPage } from '../sources/sources-page.js';
import { ConnectionStatus } from './connection-status.js';
import { TokenForm } from './token-form.js';
import { useClaimTarget } from './use-claim-target.js';
import { useHashRoute } from './use-hash-route.js';

/** The page shell: landmarks, the connection status, and the routed page. */
export function App() {
  const route = useHashRoute();
  const main = useRef<HTMLElement>(null);
  const onList = route.page === 'incidents';
  useClaimTarget(route.page === 'incident' ? (route.params.get('claim') ?? undefined) : undefined);

  useEffect(() => {
    if (onList) document.title = 'Incidents · storyline';
  }, [onList]);

  const skipToMain = (event: Event): void => {
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="#/">
          storyline
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={onList ? 'page' : undefined}>
            Incidents
          </a>
          <a
            href="#/sources"
            aria-current={route.page === 'sources' ? 'page' : undefined}
            data-testid="nav-sources"
          >
            Sources
          </a>
          <a href="/docs">API</a>
        </nav>
        <ConnectionStatus />
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <TokenForm />
        {route.page === 'incident' ? (
          <IncidentPage incidentId={route.incidentId} params={route.params} />
        ) : route.page === 'sources' ? (
          <SourcesPage />
        ) : route.page === 'source' ? (
          <SourcePage kind={route.kind} name={route.name} />
        ) : (
          <IncidentsPage />
        )}
      </main>
      <footer class="site-footer">
        <p>Times are UTC. Every change is an event: replay any revision, audit any claim.</p>
      </footer>
    </>
  );
}
