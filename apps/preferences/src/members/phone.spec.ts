import { AppError } from '@app/contracts';
import { normalisePhone } from './phone';

describe('normalisePhone', () => {
  it('turns national and international spellings into E.164', () => {
    expect(normalisePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalisePhone(' +1 415 555 2671 ', 'US')).toBe('+14155552671');
    expect(normalisePhone('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(normalisePhone('+15551234567', 'US')).toBe('+15551234567');
  });

  it('rejects text and impossible lengths with an invalid_input naming the field', () => {
    for (const raw of ['not a phone', '12', '+1 415 555 26711234', '']) {
      let error: unknown;
      try {
        normalisePhone(raw, 'US', 'patch.phone');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('invalid_input');
      expect((error as AppError).message).toMatch(/^patch\.phone: .* is not a valid phone number/);
    }
  });
});
