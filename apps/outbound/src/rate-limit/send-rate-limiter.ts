/**
 * Keeps each sender under its messages-per-second rate, whatever the number of replicas and
 * requests. Admission is at departure (GCRA on the sends that actually go): `admit` lets a send go
 * now, counting it as gone, when the sender's rate allows it; otherwise it books the send a turn
 * and answers how long until then. Turns only plan the wait: at its turn the send asks again.
 */
export interface SendRateLimiter {
  /**
   * `booked`: the send already holds a turn (it waited for one, or retries a Twilio call), so it
   * goes as soon as the rate allows, late or not; refused, `waitMs` is when the rate next allows
   * one. A new send goes at once only when no send is booked ahead of it (the sender's sends keep
   * their order); refused, it is booked a turn `waitMs` away.
   */
  admit(senderKey: string, ratePerSecond: number, booked: boolean): Promise<Admission>;
}

export interface Admission {
  admitted: boolean;
  /** Refused: how long until the turn it was booked (0 when admitted). */
  waitMs: number;
}

export const SEND_RATE_LIMITER = Symbol('SEND_RATE_LIMITER');

/**
 * The spacing of one sender's sends. `intervalMs` is 1/rate widened by `headroom`; a send may go
 * up to `toleranceMs` before its theoretical time, so one that woke a little late is made up by
 * the next instead of lost. Any rate+1 sends in a row then span at least 1000 × (1 + headroom/2)
 * ms: the other half of the headroom is left for jitter on the way to Twilio.
 */
export function sendSpacing(
  ratePerSecond: number,
  headroom: number,
): { intervalMs: number; toleranceMs: number } {
  return { intervalMs: (1000 / ratePerSecond) * (1 + headroom), toleranceMs: 500 * headroom };
}
