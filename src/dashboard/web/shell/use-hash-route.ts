import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'incidents' }
  | { page: 'incident'; incidentId: string; params: URLSearchParams }
  | { page: 'sources' }
  | { page: 'source'; kind: string; name: string };

/**
 * `#/incidents/<id>?revision=3` → the incident page; `#/sources` → the sources' track records;
 * `#/sources/<kind>/<name>` → one source's claims; anything else → the incidents list.
 */
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
  if (/^\/sources\/?$/.test(path)) return { page: 'sources' };
  const source = /^\/sources\/([^/]+)\/([^/]+)\/?$/.exec(path);
  if (source?.[1] && source[2]) {
    return {
      page: 'source',
      kind: decodeURIComponent(source[1]),
      name: decodeURIComponent(source[2]),
    };
  }
  return { page: 'incidents' };
}

export function sourceHref(kind: string, name: string): string {
  return `#/sources/${encodeURIComponent(kind)}/${encodeURIComponent(name)}`;
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
