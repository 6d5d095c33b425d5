import { useEffect, useState } from 'preact/hooks';

interface Props {
  label: string;
  testId: string;
  /** A `datetime-local` value (UTC). */
  value: string;
  onSubmit: (value: string) => void;
  /** Given while this clock is set: a button that drops it. */
  onClear?: () => void;
}

/** A labelled UTC time picker with its own "Show" button, so typing does not refetch each key. */
export function TimeForm({ label, testId, value, onSubmit, onClear }: Props) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <form
      class="time-form"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(draft);
      }}
    >
      <label>
        {label}
        <input
          type="datetime-local"
          step={60}
          value={draft}
          data-testid={`${testId}-input`}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
      </label>
      <button type="submit" class="button">
        Show
      </button>
      {onClear && (
        <button
          type="button"
          class="button button-small"
          data-testid={`${testId}-clear`}
          onClick={onClear}
        >
          Clear<span class="visually-hidden"> {label}</span>
        </button>
      )}
    </form>
  );
}
