import { useEffect, useState } from 'preact/hooks';
import { TOKEN_CHANGED_EVENT, readToken } from '../api/read-token.js';

/** The tab's token, re-rendering when it is set or forgotten. */
export function useToken(): string | undefined {
  const [token, setToken] = useState(readToken);
  useEffect(() => {
    const onChange = (): void => setToken(readToken());
    window.addEventListener(TOKEN_CHANGED_EVENT, onChange);
    return () => window.removeEventListener(TOKEN_CHANGED_EVENT, onChange);
  }, []);
  return token;
}
