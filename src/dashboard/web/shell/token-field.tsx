interface Props {
  label: string;
  testId: string;
  value: string;
  onInput: (value: string) => void;
}

/** A labelled password field for a bearer token (never autofilled, never shown). */
export function TokenField({ label, testId, value, onInput }: Props) {
  return (
    <label>
      {label}
      <input
        type="password"
        autoComplete="off"
        required
        value={value}
        data-testid={testId}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
    </label>
  );
}
