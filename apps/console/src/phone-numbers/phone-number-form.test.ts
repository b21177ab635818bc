import { describe, expect, it } from 'vitest';
import type { PhoneNumber } from '../api/types';
import { toFormValues, toPatch, validatePhoneNumberForm } from './phone-number-form';

const number: PhoneNumber = {
  id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  workspaceId: '7f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  number: '+15551234567',
  smsEnabled: true,
  whatsappEnabled: false,
  whatsappSandbox: false,
  whatsappSandboxJoinCode: null,
  defaultWorkflowId: null,
  smsDisabledMessage: null,
  brandName: 'Sunrise Dental',
  offHoursMessage: null,
  businessHours: { timeZone: 'Europe/Berlin', days: { mon: [{ open: '08:00', close: '12:00' }] } },
  sendRatePerSecond: null,
  keywords: { optOut: ['STOP'], optIn: ['START'], help: ['HELP'] },
  keywordReplies: { optOut: null, optIn: null, help: null },
  inactivityCloseAfter: 'PT24H',
  workMode: 'ai',
  handoffTimeoutSeconds: null,
  holdingMessage: null,
  archived: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

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
});
