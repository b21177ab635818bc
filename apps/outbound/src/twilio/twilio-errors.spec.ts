import { classifyTwilioError, refusalReason } from './twilio-errors';

describe('classifyTwilioError', () => {
  it('retries 429 and 5xx', () => {
    expect(classifyTwilioError({ status: 429, code: 20429, message: 'Too many requests' })).toMatchObject({
      outcome: 'retry',
      code: '20429',
    });
    expect(classifyTwilioError({ status: 503, code: 20503, message: 'x' }).outcome).toBe('retry');
  });

  it('treats other 4xx as final, keeping the code and message', () => {
    expect(
      classifyTwilioError({ status: 400, code: 21211, message: "The 'To' number is not valid" }),
    ).toEqual({
      outcome: 'final',
      httpStatus: 400,
      code: '21211',
      message: "The 'To' number is not valid",
    });
  });

  it('is uncertain when no answer came back', () => {
    const error = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifyTwilioError(error)).toMatchObject({ outcome: 'uncertain', code: null });
  });
});

describe('refusalReason', () => {
  it('explains known codes and quotes Twilio for the others', () => {
    expect(refusalReason({ code: '21211', message: 'x' })).toMatch(/not a valid number/);
    expect(refusalReason({ code: '99999', message: 'Strange' })).toBe(
      'Twilio refused the message (error 99999): Strange',
    );
  });
});
