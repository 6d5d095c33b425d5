import { useEffect, useState } from 'preact/hooks';
import { UNAUTHORIZED_EVENT, readToken, saveReadToken } from '../api/read-token.js';

/** Asks for a read token when the service refuses anonymous reads; reloads once one is given. */
export function TokenForm() {
  const [needed, setNeeded] = useState(false);
  const [token, setToken] = useState('');
  useEffect(() => {
    const onUnauthorized = (): void => setNeeded(true);
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, []);
  if (!needed) return null;
  return (
    <form
      class="token-form"
      data-testid="token-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!token.trim()) return;
        saveReadToken(token);
        window.location.reload();
      }}
    >
      <p role="alert">
        {readToken()
          ? 'The token was refused. Enter a valid token to read this storyline.'
          : 'This storyline needs a token to read. It is kept for this browser tab only.'}
      </p>
      <label>
        Token
        <input
          type="password"
          autoComplete="off"
          value={token}
          data-testid="token-input"
          onInput={(event) => setToken(event.currentTarget.value)}
        />
      </label>
      <button type="submit" class="button">
        Use token
      </button>
    </form>
  );
}
