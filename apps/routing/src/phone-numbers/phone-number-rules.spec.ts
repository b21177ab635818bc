import { AppError } from '@app/contracts';
import {
  assertValidSettings,
  assertWhatsappAllowed,
  normaliseE164,
  WHATSAPP_FEATURE_REQUIRED,
} from './phone-number-rules';

const errorOf = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected an error');
};

describe('phone number rules', () => {
  it('normalises formatted numbers to E.164 and names the field when it is not one', () => {
    expect(normaliseE164('+1 (415) 555-2671')).toBe('+14155552671');
    expect(normaliseE164(' +33.6.12.34.56.78 ')).toBe('+33612345678');
    for (const bad of ['4155552671', '+0155552671', '+1', 'whatsapp:+14155552671', '+1415555267100000']) {
      expect(errorOf(() => normaliseE164(bad))).toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(/^number: /),
      });
    }
    expect(errorOf(() => normaliseE164('x', 'to')).message).toMatch(/^to: /);
  });

  it('refuses turning WhatsApp on without the workspace feature, and only that', () => {
    expect(errorOf(() => assertWhatsappAllowed({ features: [] }, true))).toMatchObject({
      code: 'rule_violation',
      message: WHATSAPP_FEATURE_REQUIRED,
    });
    expect(() => assertWhatsappAllowed({ features: ['whatsapp'] }, true)).not.toThrow();
    expect(() => assertWhatsappAllowed({ features: [] }, false)).not.toThrow();
  });

  it('checks texts and opening hours, naming the field at fault', () => {
    expect(() =>
      assertValidSettings({ smsDisabledMessage: null, offHoursMessage: 'Closed.', brandName: 'Sunrise' }),
    ).not.toThrow();
    expect(errorOf(() => assertValidSettings({ offHoursMessage: 'x'.repeat(1601) })).message).toMatch(
      /^offHoursMessage: /,
    );
    expect(errorOf(() => assertValidSettings({ smsDisabledMessage: '   ' })).message).toMatch(
      /^smsDisabledMessage: /,
    );
    expect(errorOf(() => assertValidSettings({ brandName: '' })).message).toMatch(/^brandName: /);
    expect(
      errorOf(() => assertValidSettings({ businessHours: { timeZone: 'Nowhere/City', days: {} } })).message,
    ).toMatch(/^businessHours.timeZone: /);
    expect(
      errorOf(() =>
        assertValidSettings({
          businessHours: { timeZone: 'UTC', days: { tue: [{ open: '09:00', close: '09:00' }] } },
        }),
      ).message,
    ).toMatch(/^businessHours.days.tue.0: /);
    expect(
      errorOf(() =>
        assertValidSettings({
          businessHours: { timeZone: 'UTC', days: { tue: [{ open: '09:00', close: '25:00' }] } },
        }),
      ).code,
    ).toBe('invalid_input');
  });
});
