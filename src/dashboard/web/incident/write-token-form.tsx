import { useState } from 'preact/hooks';
import { forgetToken, saveReadToken } from '../api/read-token.js';
import { TokenField } from '../shell/token-field.js';

interface Props {
  token: string | undefined;
}

/**
 * Where a reporter gives the page a token to support and dispute claims (the same tab-only token
 * that private reads use), or forgets it again.
 */
export function WriteTokenForm({ token }: Props) {
  const [draft, setDraft] = useState('');
  if (token) {
    return (
      <p class="write-token write-token-set muted" data-testid="write-token-set">
        A token is set for this tab: you can support and dispute claims.{' '}
        <button type="button" class="link-button" onClick={forgetToken}>
          Forget the token
        </button>
      </p>
    );
  }
  return (
    <details class="write-token" data-testid="write-token">
      <summary>Support or dispute claims (reporters)</summary>
      <form
        class="write-token-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) saveReadToken(draft);
          setDraft('');
        }}
      >
        <TokenField
          label="Reporter token"
          testId="write-token-input"
          value={draft}
          onInput={setDraft}
        />
        <button type="submit" class="button">
          Use token
        </button>
        <p class="muted">Kept for this browser tab only.</p>
      </form>
    </details>
  );
}
