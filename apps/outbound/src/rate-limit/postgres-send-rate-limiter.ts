import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { OUTBOUND_CONFIG, type OutboundConfig } from '../config';
import { slotIntervalMs, type SendRateLimiter, type SlotBooking } from './send-rate-limiter';

/** Sends of one sender waiting for the booking on its way, booked together by the next one. */
interface Waiting {
  intervalMs: number;
  callers: Array<{ resolve: (r: SlotBooking) => void; reject: (e: unknown) => void }>;
}

/**
 * One row per sender holding its next free slot. One UPDATE books slots atomically, so every
 * replica shares the same schedule; the wait is computed from the database clock, so replicas'
 * clocks never matter. Sends of one sender that ask while a booking is on its way are booked by
 * the next statement together (consecutive slots, as if booked one after the other): one
 * statement for a burst instead of one each, queued on the sender's row.
 */
@Injectable()
export class PostgresSendRateLimiter implements SendRateLimiter {
  /** Senders with a booking on its way, and who waits for the next one. */
  private readonly booking = new Map<string, Waiting | null>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
  ) {}

  reserve(senderKey: string, ratePerSecond: number): Promise<SlotBooking> {
    const intervalMs = slotIntervalMs(ratePerSecond, this.config.SEND_RATE_HEADROOM);
    return new Promise((resolve, reject) => {
      const caller = { resolve, reject };
      if (!this.booking.has(senderKey)) {
        this.booking.set(senderKey, null);
        void this.book(senderKey, { intervalMs, callers: [caller] });
        return;
      }
      const waiting = this.booking.get(senderKey);
      // The widest interval of the group spaces them all: never above any caller's rate.
      if (waiting) {
        waiting.callers.push(caller);
        waiting.intervalMs = Math.max(waiting.intervalMs, intervalMs);
      } else this.booking.set(senderKey, { intervalMs, callers: [caller] });
    });
  }

  /** Books `group.callers.length` consecutive slots in one statement, then the group that gathered meanwhile. */
  private async book(senderKey: string, group: Waiting): Promise<void> {
    try {
      const first = await this.bookSlots(senderKey, group.intervalMs, group.callers.length);
      group.callers.forEach((c, i) =>
        c.resolve({
          waitMs: Math.max(0, Math.ceil(first.waitMs + i * group.intervalMs)),
          slotAt: first.slotAt + i * group.intervalMs,
        }),
      );
    } catch (error) {
      group.callers.forEach((c) => c.reject(error));
    }
    const next = this.booking.get(senderKey);
    if (next) {
      this.booking.set(senderKey, null);
      void this.book(senderKey, next);
    } else this.booking.delete(senderKey);
  }

  /** Moves the sender's next free slot `count` slots on; answers the first of them (wait and time from the database clock). */
  private async bookSlots(senderKey: string, intervalMs: number, count: number): Promise<SlotBooking> {
    const rows: Array<{ wait_ms: string | number; slot_at: string | number }> = await this.db.query(
      `INSERT INTO sender_slots AS s (sender_key, next_at)
       VALUES ($1, clock_timestamp() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (sender_key) DO UPDATE
         SET next_at = greatest(s.next_at, clock_timestamp()) + make_interval(secs => $2 / 1000.0)
       RETURNING extract(epoch FROM (s.next_at - make_interval(secs => $2 / 1000.0) - clock_timestamp())) * 1000 AS wait_ms,
                 extract(epoch FROM (s.next_at - make_interval(secs => $2 / 1000.0))) * 1000 AS slot_at`,
      [senderKey, intervalMs * count],
    );
    return { waitMs: Number(rows[0]?.wait_ms ?? 0), slotAt: Number(rows[0]?.slot_at ?? 0) };
  }
}
