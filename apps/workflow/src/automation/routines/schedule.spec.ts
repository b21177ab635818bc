import { AppError } from '@app/contracts';
import { checkSchedule, dueTick } from './schedule';

describe('routine schedules', () => {
  it('accepts five-field cron and nicknames, refuses the rest', () => {
    expect(() => checkSchedule('0 9 * * 1-5')).not.toThrow();
    expect(() => checkSchedule('@daily')).not.toThrow();
    expect(() => checkSchedule('* * * * * *')).toThrow(AppError);
    expect(() => checkSchedule('every day')).toThrow(/^schedule: /);
  });

  it('owes the latest tick after the last claimed one, once', () => {
    const now = new Date('2024-03-01T09:07:30Z');
    expect(dueTick('*/5 * * * *', new Date('2024-03-01T09:01:00Z'), now)).toEqual(
      new Date('2024-03-01T09:05:00Z'),
    );
    expect(dueTick('*/5 * * * *', new Date('2024-03-01T09:05:00Z'), now)).toBeNull();
    // Hours of missed ticks collapse into the latest one.
    expect(dueTick('*/5 * * * *', new Date('2024-03-01T02:00:00Z'), now)).toEqual(
      new Date('2024-03-01T09:05:00Z'),
    );
    expect(dueTick('0 9 * * *', new Date('2024-03-01T08:00:00Z'), new Date('2024-03-01T09:00:00Z'))).toEqual(
      new Date('2024-03-01T09:00:00Z'),
    );
  });
});
