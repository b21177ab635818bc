import { isE164, maskPhone, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['+1 (415) 555-2671', undefined, '+14155552671'],
    [' +33.6.12.34.56.78 ', undefined, '+33612345678'],
    ['(415) 555-2671', 'US', '+14155552671'],
    [' +1 415 555 2671 ', 'US', '+14155552671'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+15551234567', 'US', '+15551234567'],
    ['+15551234567', undefined, '+15551234567'],
  ] as const)('writes %j (default country %s) as %s', (raw, country, expected) => {
    expect(normalisePhone(raw, country)).toBe(expected);
  });

  it.each([
    ['4155552671', undefined],
    ['+0155552671', undefined],
    ['+1', undefined],
    ['whatsapp:+14155552671', undefined],
    ['+1415555267100000', undefined],
    ['not a phone', 'US'],
    ['12', 'US'],
    ['+1 415 555 26711234', 'US'],
    ['', 'US'],
    ['Call +14155552671 now', undefined],
    ['+15551234567 ext. 12', undefined],
  ] as const)('refuses %j (default country %s)', (raw, country) => {
    expect(normalisePhone(raw, country)).toBeNull();
  });
});

describe('isE164', () => {
  it.each([
    ['+15551234567', true],
    ['+442079460958', true],
    ['15551234567', false],
    ['+0555123', false],
    ['+1555123456789012', false],
    ['+1 555 123 4567', false],
    ['+1555123', false],
    [' +15551234567', false],
    ['whatsapp:+15551234567', false],
  ] as const)('%j → %s', (value, expected) => {
    expect(isE164(value)).toBe(expected);
  });
});

describe('maskPhone', () => {
  it('hides the middle of a number, keeping a channel prefix and at least half hidden', () => {
    expect(maskPhone('+15551234567')).toBe('+1555***4567');
    expect(maskPhone('whatsapp:+15551234567')).toBe('whatsapp:+1555***4567');
    expect(maskPhone('+123456')).toBe('+***56');
    expect(maskPhone('123')).toBe('***');
    expect(maskPhone(null)).toBe('');
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
