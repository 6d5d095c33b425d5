/**
 * How loud a failed request is logged, from its status: 503 is an expected refusal (busy, or a
 * store that is down: the caller retries) and a warning without a stack; any other 5xx is our
 * fault and an error with its stack; a 4xx is the caller's mistake, answered and not logged.
 */
export function failureLogLevel(status: number): 'error' | 'warn' | undefined {
  if (status === 503) return 'warn';
  if (status >= 500) return 'error';
  return undefined;
}
