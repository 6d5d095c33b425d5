import { useEffect, useState } from 'preact/hooks';
import { UNAUTHORIZED_EVENT, readToken, saveReadToken } from '../api/read-token.js';
import { TokenField } from './token-field.js';

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
      <TokenField label="Token" testId="token-input" value={token} onInput={setToken} />
      <button type="submit" class="button">
        Use token
      </button>
    </form>
  );
}
