import {
  chatClosesAt,
  formatInactivityCloseAfter,
  isChatInactive,
  parseInactivityCloseAfter,
} from './inactivity';

describe('chat inactivity', () => {
  it.each([
    ['PT24H', 86_400],
    ['pt30m', 1_800],
    ['P7D', 604_800],
    ['P1DT2H30M', 95_400],
    ['PT5M', 300],
    ['P90D', 7_776_000],
  ])('reads %s as %i seconds', (value, seconds) => {
    expect(parseInactivityCloseAfter(value)).toEqual({ seconds });
  });

  it.each([
    ['24h', /not a duration/],
    ['P', /not a duration/],
    ['PT', /not a duration/],
    ['P1DT', /not a duration/],
    ['PT1S', /not a duration/],
    ['P1Y', /not a duration/],
    ['PT4M', /range/],
    ['P91D', /range/],
    ['', /not a duration/],
  ])('refuses %p', (value, error) => {
    const parsed = parseInactivityCloseAfter(value);
    expect('error' in parsed && parsed.error).toMatch(error);
  });

  it.each([
    [86_400, 'PT24H'],
    [172_800, 'PT48H'],
    [604_800, 'P7D'],
    [1_800, 'PT30M'],
    [95_400, 'P1DT2H30M'],
    [5_400, 'PT1H30M'],
  ])('writes %i seconds as %s, which reads back the same', (seconds, text) => {
    expect(formatInactivityCloseAfter(seconds)).toBe(text);
    expect(parseInactivityCloseAfter(text)).toEqual({ seconds });
  });

  it('closes a chat exactly when its inactivity has passed', () => {
    const last = new Date('2026-01-01T10:00:00Z');
    expect(chatClosesAt(last, 3_600).toISOString()).toBe('2026-01-01T11:00:00.000Z');
    expect(isChatInactive(last, 3_600, new Date('2026-01-01T10:59:59Z'))).toBe(false);
    expect(isChatInactive(last, 3_600, new Date('2026-01-01T11:00:00Z'))).toBe(true);
  });
});
