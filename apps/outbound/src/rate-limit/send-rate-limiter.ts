/**
 * Keeps each sender under its messages-per-second rate, whatever the number of replicas and
 * requests: `reserve` books the sender's next free slot and answers how long to wait for it.
 */
export interface SendRateLimiter {
  reserve(senderKey: string, ratePerSecond: number): Promise<SlotBooking>;
}

/** A booked slot: how long to wait for it, and when it is on the store's clock (epoch ms, for checks and traces). */
export interface SlotBooking {
  waitMs: number;
  slotAt: number;
}

export const SEND_RATE_LIMITER = Symbol('SEND_RATE_LIMITER');

/** The time between two sends of one sender, widened by `headroom` so network jitter never bunches them above the rate. */
export function slotIntervalMs(ratePerSecond: number, headroom: number): number {
  return (1000 / ratePerSecond) * (1 + headroom);
}
