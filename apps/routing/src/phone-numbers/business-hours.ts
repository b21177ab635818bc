import type { BusinessHours } from '@app/contracts';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
type Day = (typeof DAYS)[number];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone: callers validate with isKnownTimeZone first.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `HH:MM` as minutes since midnight; `24:00` is the end of the day. Undefined when malformed. */
export function minutesOf(time: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return undefined;
  const [h, m] = [Number(match[1]), Number(match[2])];
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return undefined;
  return h * 60 + m;
}

/** Weekday and minute of the day at `at` in the zone. */
function localTime(at: Date, timeZone: string): { day: Day; minute: number } {
  let weekday = 'Sun';
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type === 'weekday') weekday = part.value;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  const day = DAYS.find((d) => d === weekday.slice(0, 3).toLowerCase()) ?? 'sun';
  return { day, minute: hour * 60 + minute };
}

/**
 * Whether `at` falls inside the opening hours, in their time zone. An interval is [open, close);
 * one that closes at or before it opens (22:00–02:00) runs past midnight into the next day. A day
 * missing from `days` is closed.
 */
export function isWithinBusinessHours(hours: BusinessHours, at: Date): boolean {
  const { day, minute } = localTime(at, hours.timeZone);
  const previous = DAYS[(DAYS.indexOf(day) + 6) % 7];
  for (const interval of hours.days[day] ?? []) {
    const open = minutesOf(interval.open);
    const close = minutesOf(interval.close);
    if (open === undefined || close === undefined) continue;
    if (minute >= open && (close > open ? minute < close : true)) return true;
  }
  for (const interval of hours.days[previous] ?? []) {
    const open = minutesOf(interval.open);
    const close = minutesOf(interval.close);
    if (open === undefined || close === undefined) continue;
    if (close <= open && minute < close) return true;
  }
  return false;
}
