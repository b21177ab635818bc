/**
 * Error codes shared by every service. A NATS error reply carries one of these; the REST API maps
 * each to one HTTP status (see apps/api), so a rule a service enforces reaches the caller intact.
 */
export const ERROR_CODES = [
  'invalid_input', // 400
  'unauthorized', // 401
  'forbidden', // 403
  'not_found', // 404
  'conflict', // 409
  'rule_violation', // 422
  'unavailable', // 503: a service we depend on is down; callers may retry
  'internal', // 500
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string): AppError {
    return new AppError('not_found', `${what} not found.`);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** What `answer` gives, or null when it fails as `not_found` (any other error stands). */
export async function nullIfNotFound<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

/** One readable line from a zod error: `field: problem; other.field: problem`. */
export function formatIssues(error: {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
