import { createLogger, maskPhonesInText } from './logger';

describe('maskPhonesInText', () => {
  it.each([
    ['from +15551234567 to 4155552671', 'from +1555*****67 to 4155****71'],
    ['whatsapp:+447700900123', 'whatsapp:+4477******23'],
    ['call +1 555-123-4567 now', 'call +1 555-***-**67 now'],
    ['call +1 (555) 123-4567', 'call +1 (555) ***-**67'],
    ['+1(555)1234567', '+1(555)*****67'],
    ['(555) 123-4567', '(555) 1**-**67'],
    ['tel: (020) 7946 0958.', 'tel: (020) 7*** **58.'],
    ['+44 20 7946 0958', '+44 20 **** **58'],
    ['whatsapp:+44 7700 900123', 'whatsapp:+44 77** ***123'.replace('***123', '****23')],
    ['555-123-4567 and 555.123.4567', '555-1**-**67 and 555.1**.**67'],
    ['to=whatsapp:+1 555 123 4567,', 'to=whatsapp:+1 555 *** **67,'],
    ['(+15551234567)', '(+1555*****67)'],
  ])('masks %j', (input, masked) => {
    expect(maskPhonesInText(input)).toBe(masked);
  });

  it.each([
    ['a UUID', 'send 59412319-0b1c-4d2e-9f00-123456789012 took 1234 ms'],
    ['a SID', 'SM0123456789abcdef0123456789abcdef'],
    ['a date and time', 'at 2026-11-30T04:38:20.123Z'],
    ['a short number', 'code 1234, port 4222, +44 20'],
    ['a decimal', 'ratio 0.123456789 and 3.14159265358'],
    ['an address', 'listening on 127.0.0.1:8080'],
    ['more digits than a phone has', '+1 2345 6789 0123 4567 8901'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskPhonesInText(text)).toBe(text);
  });

  it('is linear on long digit runs (no catastrophic backtracking)', () => {
    const hostile = `+${'1 '.repeat(20_000)}x`;
    expect(maskPhonesInText(hostile)).toBe(hostile);
  });
});

describe('createLogger', () => {
  it('masks formatted phones in messages and inside logged objects', () => {
    const lines: string[] = [];
    const sink = { write: (line: string) => void lines.push(line) };
    const withSink = createLogger('test', 'info', sink);
    withSink.info('sending to +1 555-123-4567');
    withSink.info(
      { err: { message: 'Twilio refused (555) 123-4567' }, note: ['whatsapp:+44 20 7946 0958'] },
      'x',
    );
    const out = lines.join('');
    expect(out).not.toMatch(/123-4567|7946 0958/);
    expect(out).toContain('+1 555-***-**67');
    expect(out).toContain('(555) 1**-**67');
    expect(out).toContain('whatsapp:+44 20 **** **58');
  });
});
