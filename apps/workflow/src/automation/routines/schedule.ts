import { Cron } from 'croner';
import { AppError } from '@app/contracts';

const pattern = (schedule: string) => new Cron(schedule, { paused: true, mode: '5-part', timezone: 'UTC' });

/** Accepts five-field cron (minute hour day month weekday, UTC) or a nickname such as @daily. */
export function checkSchedule(schedule: string): void {
  try {
    pattern(schedule);
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `schedule: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The tick a scheduled routine owes, if any: the latest tick at or before `now` that is later
 * than the last one claimed (or than the routine's creation). Ticks missed while no replica ran
 * collapse into this one: a broadcast is sent once, not once per missed tick.
 */
export function dueTick(schedule: string, since: Date, now: Date): Date | null {
  const [latest] = pattern(schedule).previousRuns(1, new Date(now.getTime() + 1));
  return latest && latest.getTime() > since.getTime() ? latest : null;
}
