import { maskPhonesInText } from './logger';

describe('maskPhonesInText', () => {
  it('masks phone numbers with or without a plus, keeping a hint', () => {
    expect(maskPhonesInText('from +15551234567 to 4155552671')).toBe('from +1555*****67 to 4155****71');
    expect(maskPhonesInText('whatsapp:+447700900123')).toBe('whatsapp:+4477******23');
  });
  it('leaves identifiers, short numbers and times alone', () => {
    const id = '59412319-0b1c-4d2e-9f00-123456789012';
    expect(maskPhonesInText(`send ${id} took 1234 ms`)).toBe(`send ${id} took 1234 ms`);
    expect(maskPhonesInText('SM0123456789abcdef0123456789abcdef')).toBe('SM0123456789abcdef0123456789abcdef');
  });
});
