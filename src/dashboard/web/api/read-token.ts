/**
 * The read token, for a service started with STORYLINE_PUBLIC_READ=false. Kept for the browser
 * tab only (sessionStorage), sent as a bearer token to the API and as `auth.token` to the feed.
 */
const KEY = 'storyline-read-token';
export const UNAUTHORIZED_EVENT = 'storyline:unauthorized';
/** Fired when the token is set or forgotten in this tab, so every form that uses it re-reads it. */
export const TOKEN_EVENT = 'storyline:token';

export function readToken(): string | undefined {
  try {
    return sessionStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveReadToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim());
  window.dispatchEvent(new Event(TOKEN_EVENT));
}

export function forgetReadToken(): void {
  sessionStorage.removeItem(KEY);
  window.dispatchEvent(new Event(TOKEN_EVENT));
}

export function authHeaders(): Record<string, string> {
  const token = readToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** Tells the shell that reads need a (valid) token, so it can ask for one. */
export function announceUnauthorized(): void {
  window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
}
