import { ERROR_CODES } from '@app/contracts';
import { DOCUMENTED_STATUSES } from '../testing/documented-statuses';
import { httpStatusOf } from './error-status';

describe('httpStatusOf', () => {
  it('maps every error code to its documented status', () => {
    const mapped = Object.fromEntries(ERROR_CODES.map((c) => [c, httpStatusOf(c)]));
    expect(mapped).toEqual(DOCUMENTED_STATUSES);
  });
});
