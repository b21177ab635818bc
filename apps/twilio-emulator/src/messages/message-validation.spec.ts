import { validateCreateMessage } from './message-validation';

const HX = 'HX' + 'a'.repeat(32);

function codeOf(form: Record<string, string | string[]>): number | undefined {
  const result = validateCreateMessage(form);
  return result.ok ? undefined : result.error.code;
}

describe('validateCreateMessage', () => {
  it('accepts an SMS and normalises its addresses', () => {
    const result = validateCreateMessage({ To: '+15551234567', From: '+15557654321', Body: 'hi' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        channel: 'sms',
        to: '+15551234567',
        toPhone: '+15551234567',
        from: '+15557654321',
        body: 'hi',
      }),
    });
  });

  it('accepts a WhatsApp template without a body', () => {
    const result = validateCreateMessage({
      To: 'whatsapp:+15551234567',
      From: 'whatsapp:+15557654321',
      ContentSid: HX,
      ContentVariables: '{"1":"Ada"}',
    });
    expect(result.ok && result.value).toEqual(
      expect.objectContaining({
        channel: 'whatsapp',
        toPhone: '+15551234567',
        contentSid: HX,
        contentVariables: '{"1":"Ada"}',
        body: '',
      }),
    );
  });

  it('accepts a messaging service instead of From, and media without a body', () => {
    expect(
      codeOf({ To: '+15551234567', MessagingServiceSid: 'MG' + '1'.repeat(32), Body: 'x' }),
    ).toBeUndefined();
    expect(
      codeOf({ To: '+15551234567', From: '+15557654321', MediaUrl: ['https://a.example/x.png'] }),
    ).toBeUndefined();
  });

  it.each([
    [{ From: '+15557654321', Body: 'x' }, 21604],
    [{ To: '5551234', From: '+15557654321', Body: 'x' }, 21211],
    [{ To: 'messenger:123', From: '+15557654321', Body: 'x' }, 21211],
    [{ To: '+15551234567', Body: 'x' }, 21603],
    [{ To: '+15551234567', From: 'not valid!', Body: 'x' }, 21212],
    [{ To: 'whatsapp:+15551234567', From: '+15557654321', Body: 'x' }, 21910],
    [{ To: '+15551234567', From: '+15551234567', Body: 'x' }, 21266],
    [{ To: '+15551234567', From: '+15557654321' }, 21602],
    [{ To: '+15551234567', From: '+15557654321', Body: '' }, 21602],
    [{ To: '+15551234567', From: '+15557654321', Body: 'x'.repeat(1601) }, 21617],
    [{ To: '+15551234567', From: '+15557654321', ContentVariables: '{}' }, 21654],
    [{ To: '+15551234567', From: '+15557654321', ContentSid: 'HX123' }, 21655],
    [{ To: '+15551234567', From: '+15557654321', ContentSid: HX, ContentVariables: 'nope' }, 21656],
    [{ To: '+15551234567', From: '+15557654321', ContentSid: HX, ContentVariables: '{"1":""}' }, 21656],
    [{ To: '+15551234567', From: '+15557654321', Body: 'x', MediaUrl: 'ftp://x' }, 21620],
    [{ To: '+15551234567', From: '+15557654321', Body: 'x', StatusCallback: 'nope' }, 21609],
  ])('refuses %j with %i', (form, code) => {
    expect(codeOf(form as Record<string, string>)).toBe(code);
  });

  it('allows an alphanumeric sender ID for SMS only', () => {
    expect(codeOf({ To: '+15551234567', From: 'ACME', Body: 'x' })).toBeUndefined();
    expect(codeOf({ To: 'whatsapp:+15551234567', From: 'whatsapp:ACME', Body: 'x' })).toBe(21212);
  });
});
