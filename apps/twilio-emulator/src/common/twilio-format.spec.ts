import { encodeForm, formValue, formValues, newSid, rfc2822 } from './twilio-format';

describe('Twilio formats', () => {
  it('makes SIDs of a prefix and 32 hex characters, all different', () => {
    const a = newSid('SM');
    expect(a).toMatch(/^SM[0-9a-f]{32}$/);
    expect(newSid('SM')).not.toBe(a);
  });

  it('formats dates as RFC 2822 in UTC', () => {
    expect(rfc2822(Date.UTC(2023, 7, 24, 5, 1, 45))).toBe('Thu, 24 Aug 2023 05:01:45 +0000');
  });

  it('reads single and repeated form fields', () => {
    const form = { To: '+1', MediaUrl: ['a', 'b'] };
    expect(formValue(form, 'To')).toBe('+1');
    expect(formValue(form, 'MediaUrl')).toBe('a');
    expect(formValues(form, 'MediaUrl')).toEqual(['a', 'b']);
    expect(formValues(form, 'Body')).toEqual([]);
  });

  it('form-encodes with repeated keys', () => {
    expect(encodeForm({ Body: 'a b+c', MediaUrl: ['x', 'y'] })).toBe('Body=a+b%2Bc&MediaUrl=x&MediaUrl=y');
  });
});
