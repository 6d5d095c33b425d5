import { useEffect, useState } from 'preact/hooks';

export type Route =
  { page: 'incidents' } | { page: 'incident'; incidentId: string; params: URLSearchParams };

/** `#/incidents/<id>?revision=3` → the incident page; anything else → the incidents list. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const match = /^\/incidents\/([^/]+)\/?$/.exec(path);
  if (match?.[1]) {
    return {
      page: 'incident',
      incidentId: decodeURIComponent(match[1]),
      params: new URLSearchParams(search),
    };
  }
  return { page: 'incidents' };
}

export function incidentHref(incidentId: string, params?: URLSearchParams): string {
  const search = params && params.toString() ? `?${params.toString()}` : '';
  return `#/incidents/${encodeURIComponent(incidentId)}${search}`;
}

/** The current hash route, updated on every hashchange (back/forward buttons included). */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
