/** A refused request, with the problem+json title and detail when the service sent them. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The refusal a response carries: its problem+json `detail` (or `title`), else its status line. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    message = problem.detail ?? problem.title ?? message;
  } catch {
    // Not problem+json: keep the status line.
  }
  return new ApiError(response.status, message);
}
