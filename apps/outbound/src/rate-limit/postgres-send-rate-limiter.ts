import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { OUTBOUND_CONFIG, type OutboundConfig } from '../config';
import { slotIntervalMs, type SendRateLimiter } from './send-rate-limiter';

/**
 * One row per sender holding its next free slot. One UPDATE books a slot atomically, so every
 * replica shares the same schedule; the wait is computed from the database clock, so replicas'
 * clocks never matter.
 */
@Injectable()
export class PostgresSendRateLimiter implements SendRateLimiter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
  ) {}

  async reserve(senderKey: string, ratePerSecond: number): Promise<{ waitMs: number }> {
    const intervalMs = slotIntervalMs(ratePerSecond, this.config.SEND_RATE_HEADROOM);
    const rows: Array<{ wait_ms: string | number }> = await this.db.query(
      `INSERT INTO sender_slots AS s (sender_key, next_at)
       VALUES ($1, clock_timestamp() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (sender_key) DO UPDATE
         SET next_at = greatest(s.next_at, clock_timestamp()) + make_interval(secs => $2 / 1000.0)
       RETURNING extract(epoch FROM (s.next_at - make_interval(secs => $2 / 1000.0) - clock_timestamp())) * 1000 AS wait_ms`,
      [senderKey, intervalMs],
    );
    return { waitMs: Math.max(0, Math.ceil(Number(rows[0]?.wait_ms ?? 0))) };
  }
}
