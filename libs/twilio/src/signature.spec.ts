import { createHmac } from 'node:crypto';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { computeTwilioSignature, isValidTwilioSignature } from './signature';

const token = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};

describe('Twilio signatures', () => {
  it('matches the HMAC-SHA1 of the URL followed by the sorted parameters', () => {
    const data =
      url +
      Object.keys(params)
        .sort()
        .map((key) => key + params[key as keyof typeof params])
        .join('');
    const expected = createHmac('sha1', token).update(data).digest('base64');
    expect(computeTwilioSignature(token, url, params)).toBe(expected);
  });

  it('validates its own signatures and rejects tampering', () => {
    const signature = computeTwilioSignature(token, url, params);
    expect(isValidTwilioSignature(token, signature, url, params)).toBe(true);
    expect(isValidTwilioSignature(token, signature, url, { ...params, Digits: '9' })).toBe(false);
    expect(isValidTwilioSignature('other-token', signature, url, params)).toBe(false);
    expect(isValidTwilioSignature(token, signature, 'https://mycompany.com/other', params)).toBe(false);
  });

  it('accepts the URL with or without its default port', () => {
    const signature = computeTwilioSignature(token, 'https://example.com/hook', params);
    expect(isValidTwilioSignature(token, signature, 'https://example.com:443/hook', params)).toBe(true);
  });

  it('signs repeated parameters (several MediaUrl values)', () => {
    const media = { MediaUrl: ['https://a.example/1.png', 'https://a.example/2.png'], To: '+15551234567' };
    const signature = computeTwilioSignature(token, url, media);
    expect(isValidTwilioSignature(token, signature, url, media)).toBe(true);
    expect(
      isValidTwilioSignature(token, signature, url, { ...media, MediaUrl: ['https://a.example/1.png'] }),
    ).toBe(false);
  });

  it("agrees with Twilio's own helper on repeated, unsorted and duplicated values", () => {
    const media = {
      To: '+15551234567',
      MediaUrl: ['https://a.example/2.png', 'https://a.example/1.png', 'https://a.example/2.png'],
      Body: 'héllo ✓',
    };
    expect(computeTwilioSignature(token, url, media)).toBe(getExpectedTwilioSignature(token, url, media));
  });

  it('never accepts a missing signature', () => {
    expect(isValidTwilioSignature(token, undefined, url, params)).toBe(false);
    expect(isValidTwilioSignature(token, '', url, params)).toBe(false);
  });
});
