import { isKnownTimeZone, isWithinBusinessHours, minutesOf } from './business-hours';

// 2026-11-23 is a Monday.
const at = (iso: string) => new Date(iso);

describe('isWithinBusinessHours', () => {
  const weekdays = {
    timeZone: 'America/New_York',
    days: {
      mon: [
        { open: '09:00', close: '12:00' },
        { open: '13:00', close: '17:30' },
      ],
      tue: [{ open: '09:00', close: '17:00' }],
    },
  };

  it('reads the clock in the hours’ time zone, not UTC', () => {
    // 14:30 UTC = 09:30 in New York (EST, UTC-5).
    expect(isWithinBusinessHours(weekdays, at('2026-11-23T14:30:00Z'))).toBe(true);
    // 13:30 UTC = 08:30 in New York: not open yet.
    expect(isWithinBusinessHours(weekdays, at('2026-11-23T13:30:00Z'))).toBe(false);
  });

  it('treats intervals as [open, close) and honours a lunch break', () => {
    expect(isWithinBusinessHours(weekdays, at('2026-11-23T14:00:00Z'))).toBe(true); // 09:00 exactly
    expect(isWithinBusinessHours(weekdays, at('2026-11-23T17:00:00Z'))).toBe(false); // 12:00: closed for lunch
    expect(isWithinBusinessHours(weekdays, at('2026-11-23T18:15:00Z'))).toBe(true); // 13:15
    expect(isWithinBusinessHours(weekdays, at('2026-11-23T22:30:00Z'))).toBe(false); // 17:30 exactly
  });

  it('is closed on a day missing from the days', () => {
    // Sunday 2026-11-22, noon in New York.
    expect(isWithinBusinessHours(weekdays, at('2026-11-22T17:00:00Z'))).toBe(false);
    expect(isWithinBusinessHours({ timeZone: 'UTC', days: {} }, at('2026-11-23T12:00:00Z'))).toBe(false);
  });

  it('uses the weekday of the zone when it differs from UTC', () => {
    // Monday 02:00 UTC is still Sunday evening in New York.
    expect(
      isWithinBusinessHours(
        { timeZone: 'America/New_York', days: { sun: [{ open: '20:00', close: '23:00' }] } },
        at('2026-11-23T02:00:00Z'),
      ),
    ).toBe(true);
  });

  it('runs an interval that closes before it opens past midnight', () => {
    const nights = { timeZone: 'Europe/Paris', days: { fri: [{ open: '22:00', close: '02:00' }] } };
    // Friday 2026-11-27 23:00 Paris (22:00 UTC), Saturday 01:30 Paris (00:30 UTC), Saturday 03:00 Paris.
    expect(isWithinBusinessHours(nights, at('2026-11-27T22:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(nights, at('2026-11-28T00:30:00Z'))).toBe(true);
    expect(isWithinBusinessHours(nights, at('2026-11-28T02:00:00Z'))).toBe(false);
    expect(isWithinBusinessHours(nights, at('2026-11-27T20:00:00Z'))).toBe(false);
  });

  it('allows 24:00 as the end of the day', () => {
    const allDay = { timeZone: 'UTC', days: { mon: [{ open: '00:00', close: '24:00' }] } };
    expect(isWithinBusinessHours(allDay, at('2026-11-23T00:00:00Z'))).toBe(true);
    expect(isWithinBusinessHours(allDay, at('2026-11-23T23:59:00Z'))).toBe(true);
    expect(isWithinBusinessHours(allDay, at('2026-11-24T00:00:00Z'))).toBe(false);
  });
});

describe('minutesOf and isKnownTimeZone', () => {
  it('parses HH:MM up to 24:00 and refuses the rest', () => {
    expect(minutesOf('00:00')).toBe(0);
    expect(minutesOf('17:30')).toBe(1050);
    expect(minutesOf('24:00')).toBe(1440);
    for (const bad of ['24:01', '25:00', '12:60', '9:00', 'noon']) expect(minutesOf(bad)).toBeUndefined();
  });

  it('knows IANA zones', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
