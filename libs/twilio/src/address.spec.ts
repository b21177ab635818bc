import {
  maskPhone,
  parseTwilioAddress,
  stripChannelPrefix,
  toTwilioAddress,
  tryParseTwilioAddress,
} from './address';

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

  it('masks the middle of phone numbers for logs', () => {
    expect(maskPhone('+15551234567')).toBe('+1555***4567');
    expect(maskPhone('whatsapp:+15551234567')).toBe('whatsapp:+1555***4567');
    expect(maskPhone('+123456')).toBe('+***56');
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone(undefined)).toBe('');
  });

  it.each([
    ['+1 555-123-4567', '+1 55***4567'],
    ['(555) 123-4567', '(555)***4567'],
    ['+44 20 7946 0958', '+44 2***0958'],
    ['whatsapp:+1 555 123 4567', 'whatsapp:+1 55***4567'],
  ])('masks the middle of a formatted number %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
    expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(phone.replace(/\D/g, '').length - 3);
  });
});
