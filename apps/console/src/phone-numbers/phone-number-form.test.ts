import { describe, expect, it } from 'vitest';
import { aPhoneNumber } from '../test/fixtures';
import { toFormValues, toPatch, validatePhoneNumberForm } from './phone-number-form';

const number = aPhoneNumber({
  businessHours: { timeZone: 'Europe/Berlin', days: { mon: [{ open: '08:00', close: '12:00' }] } },
});

describe('phone number form model', () => {
  it('round-trips a number: empty texts are null, closed days are left out', () => {
    const patch = toPatch(toFormValues(number));
    expect(patch).toEqual({
      smsEnabled: true,
      whatsappEnabled: false,
      whatsappSandbox: false,
      defaultWorkflowId: null,
      smsDisabledMessage: null,
      brandName: 'Sunrise Dental',
      offHoursMessage: null,
      businessHours: { timeZone: 'Europe/Berlin', days: { mon: [{ open: '08:00', close: '12:00' }] } },
      sendRatePerSecond: null,
      inactivityCloseAfter: 'PT24H',
      whatsappSandboxJoinCode: null,
      workMode: 'ai',
      handoffTimeoutSeconds: null,
      holdingMessage: null,
      keywords: { optOut: ['STOP'], optIn: ['START'], help: ['HELP'] },
      keywordReplies: { optOut: null, optIn: null, help: null },
    });
    expect(validatePhoneNumberForm(toFormValues(number))).toEqual({});
  });

  it("checks the inactivity time with the API's own rule, at its field", () => {
    expect(validatePhoneNumberForm({ ...toFormValues(number), inactivityCloseAfter: 'pt30m' })).toEqual({});
    expect(toPatch({ ...toFormValues(number), inactivityCloseAfter: ' pt30m ' }).inactivityCloseAfter).toBe(
      'PT30M',
    );
    expect(
      validatePhoneNumberForm({ ...toFormValues(number), inactivityCloseAfter: '24 hours' }),
    ).toMatchObject({
      inactivityCloseAfter: expect.stringMatching(/not a duration/),
    });
    expect(
      validatePhoneNumberForm({ ...toFormValues(number), whatsappSandboxJoinCode: 'join me!' }),
    ).toMatchObject({
      whatsappSandboxJoinCode: expect.stringMatching(/join code/),
    });
  });

  it('sends no hours when business hours are off, and trims texts', () => {
    const values = {
      ...toFormValues(number),
      hoursEnabled: false,
      brandName: '  Smile  ',
      offHoursMessage: ' ',
    };
    expect(toPatch(values)).toMatchObject({ businessHours: null, brandName: 'Smile', offHoursMessage: null });
  });

  it.each([
    [
      'closing before opening',
      { open: '17:00', close: '09:00' },
      'businessHours.days.mon.0.close',
      'Closes before it opens',
    ],
    [
      'a time that is not HH:MM',
      { open: '9', close: '17:00' },
      'businessHours.days.mon.0.open',
      'Enter a time such as 09:00',
    ],
  ])('names the field for %s', (_case, interval, field, message) => {
    const values = toFormValues(number);
    values.businessHours.days.mon = [interval];
    expect(validatePhoneNumberForm(values)).toMatchObject({ [field]: message });
  });

  it("refuses an unknown time zone and a rate the API's schema refuses", () => {
    const values = { ...toFormValues(number), sendRatePerSecond: 20_000 };
    values.businessHours.timeZone = 'Mars/Olympus';
    const errors = validatePhoneNumberForm(values);
    expect(errors['businessHours.timeZone']).toBe('Choose a time zone from the list');
    // From PhoneNumberFields (libs/contracts): the same schema the api validates with.
    expect(errors.sendRatePerSecond).toMatch(/10000|10,000|<=/);
  });

  it('checks keyword lists with the routing rule: STOP kept, no word in two lists', () => {
    const values = toFormValues(number);
    expect(
      validatePhoneNumberForm({ ...values, keywords: { ...values.keywords, optOut: ['QUIT'] } }),
    ).toMatchObject({ 'keywords.optOut': expect.stringMatching(/must include STOP/) });
    expect(
      validatePhoneNumberForm({ ...values, keywords: { ...values.keywords, help: ['HELP', 'stop'] } }),
    ).toMatchObject({ 'keywords.help': expect.stringMatching(/STOP is already in keywords.optOut/) });
    expect(
      validatePhoneNumberForm({
        ...values,
        keywordReplies: { ...values.keywordReplies, help: 'x'.repeat(1601) },
      }),
    ).toMatchObject({ 'keywordReplies.help': expect.any(String) });
  });
});
