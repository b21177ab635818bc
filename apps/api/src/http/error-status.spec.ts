import { ERROR_CODES } from '@app/contracts';
import { httpStatusOf } from './error-status';

describe('httpStatusOf', () => {
  it('maps every error code to its documented status', () => {
    const mapped = Object.fromEntries(ERROR_CODES.map((c) => [c, httpStatusOf(c)]));
    expect(mapped).toEqual({
      invalid_input: 400,
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      rule_violation: 422,
      unavailable: 503,
      internal: 500,
    });
  });
});
