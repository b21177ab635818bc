import { parseTwilioAddress, stripChannelPrefix, toTwilioAddress, tryParseTwilioAddress } from './address';

describe('Twilio addresses', () => {
  it('parses a WhatsApp address into channel and bare phone', () => {
    expect(parseTwilioAddress('whatsapp:+15551234567')).toEqual({
      channel: 'whatsapp',
      phone: '+15551234567',
    });
    expect(parseTwilioAddress(' WhatsApp:+15551234567 ')).toEqual({
      channel: 'whatsapp',
      phone: '+15551234567',
    });
  });

  it('treats an address without prefix as SMS', () => {
    expect(parseTwilioAddress('+15551234567')).toEqual({ channel: 'sms', phone: '+15551234567' });
  });

  it('refuses channels the system does not carry, and empty addresses', () => {
    expect(() => parseTwilioAddress('messenger:12345')).toThrow('Unsupported Twilio address');
    expect(tryParseTwilioAddress('messenger:12345')).toBeNull();
    expect(tryParseTwilioAddress('whatsapp:')).toBeNull();
    expect(tryParseTwilioAddress('')).toBeNull();
    expect(tryParseTwilioAddress(undefined)).toBeNull();
  });

  it('builds addresses per channel without doubling the prefix', () => {
    expect(toTwilioAddress('whatsapp', '+15551234567')).toBe('whatsapp:+15551234567');
    expect(toTwilioAddress('whatsapp', 'whatsapp:+15551234567')).toBe('whatsapp:+15551234567');
    expect(toTwilioAddress('sms', 'whatsapp:+15551234567')).toBe('+15551234567');
    expect(toTwilioAddress('sms', '+15551234567')).toBe('+15551234567');
  });

  it('strips a channel prefix (E.164 itself is checked by @app/rules)', () => {
    expect(stripChannelPrefix('whatsapp:+15551234567')).toBe('+15551234567');
  });
});
