/**
 * The tab's token: the read token for a service started with STORYLINE_PUBLIC_READ=false, and the
 * reporter's token for the page's writes (support, dispute). Kept for the browser tab only
 * (sessionStorage), sent as a bearer token to the API and as `auth.token` to the feed.
 */
const KEY = 'storyline-read-token';
export const UNAUTHORIZED_EVENT = 'storyline:unauthorized';
/** Dispatched on window whenever the tab's token is set or forgotten. */
export const TOKEN_CHANGED_EVENT = 'storyline:token-changed';

export function readToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveReadToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
  window.dispatchEvent(new Event(TOKEN_CHANGED_EVENT));
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
  window.dispatchEvent(new Event(TOKEN_CHANGED_EVENT));
}

export function authHeaders(): Record<string, string> {
  const token = readToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Tells the shell that reads need a (valid) token, so it can ask for one. */
export function announceUnauthorized(): void {
  window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
}
