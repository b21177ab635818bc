import { describeTwilioError, TWILIO_ERRORS, twilioErrorBody, twilioErrorInfo } from './error-codes';

describe('Twilio error codes', () => {
  const required = [
    63016, 63015, 21610, 21211, 21408, 21612, 21614, 30003, 30004, 30005, 30006, 30007, 30008, 63003, 63024,
    63018, 63032, 20429, 20003, 11751, 21620, 63019, 63021,
  ];

  it.each(required)('explains %i', (code) => {
    const info = TWILIO_ERRORS.get(code);
    expect(info?.code).toBe(code);
    expect(info?.reason.length).toBeGreaterThan(20);
    expect(describeTwilioError(code)).toBe(info?.reason);
  });

  it('gives operator-actionable reasons for the WhatsApp rules', () => {
    expect(describeTwilioError(63016)).toMatch(/24 hours.*template/);
    expect(describeTwilioError(63015)).toMatch(/join/);
    expect(describeTwilioError(21610)).toMatch(/STOP/);
  });

  it('accepts numeric strings, as status callbacks carry them', () => {
    expect(describeTwilioError('63016')).toBe(describeTwilioError(63016));
    expect(twilioErrorInfo('21610')?.title).toBe('Recipient unsubscribed');
  });

  it('names an unknown code and handles a missing one', () => {
    expect(describeTwilioError(12345)).toBe(
      'Twilio error 12345: see https://www.twilio.com/docs/errors/12345 for the cause and what to do.',
    );
    expect(describeTwilioError(null)).toBe('Twilio reported an error without a code.');
    expect(describeTwilioError('abc')).toBe('Twilio reported an error without a code.');
    expect(twilioErrorInfo(12345)).toBeUndefined();
  });

  it('tells retryable codes apart', () => {
    expect(twilioErrorInfo(20429)?.retryable).toBe(true);
    expect(twilioErrorInfo(63016)?.retryable).toBe(false);
  });

  it("builds Twilio's REST error body", () => {
    expect(twilioErrorBody(429, 20429)).toEqual({
      code: 20429,
      message: 'Too many requests',
      more_info: 'https://www.twilio.com/docs/errors/20429',
      status: 429,
    });
    expect(twilioErrorBody(400, 21211, "The 'To' number 12 is not a valid phone number.").message).toContain(
      '12',
    );
  });
});
