import type { ErrorCode } from '@app/contracts';

/** The HTTP status of each error code as the API documents it: what the specs hold the api to. */
export const DOCUMENTED_STATUSES: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  unavailable: 503,
  internal: 500,
};
