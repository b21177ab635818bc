import { Injectable } from '@nestjs/common';
import { WorkspaceEventPublished } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { Sql } from '@app/persistence';
import { PeriodicSweeper } from '@app/runtime';
import type { QueryRunner } from 'typeorm';
import { ScheduledEventsRepository } from './scheduled-events.repository';

const SWEEP_INTERVAL_MS = 1_000;
const BATCH = 100;

/**
 * Fires scheduled events when due. Every replica sweeps; a due row is locked FOR UPDATE SKIP
 * LOCKED, published with Nats-Msg-Id = eventId and marked fired in one transaction, so each event
 * fires once across replicas. A crash after publishing and before commit leaves it scheduled; the
 * next sweep publishes it again and JetStream drops the duplicate by its id.
 */
@Injectable()
export class EventSweeper extends PeriodicSweeper<number> {
  constructor(
    private readonly sql: Sql,
    private readonly events: ScheduledEventsRepository,
    private readonly messaging: MessagingClient,
  ) {
    super({ everyMs: SWEEP_INTERVAL_MS, failure: 'Scheduled events not fired this time', otherwise: 0 });
  }

  /** Fires what is due now; answers how many fired. */
  protected async sweepOnce(): Promise<number> {
    let fired = 0;
    for (;;) {
      const count = await inTransaction(this.sql, async (q) => {
        const due = await this.events.due(q, BATCH);
        for (const e of due) {
          await this.messaging.publish(
            WorkspaceEventPublished,
            {
              eventId: e.eventId,
              workspaceId: e.workspaceId,
              type: e.type,
              memberId: e.memberId,
              data: e.data,
              occurredAt: new Date().toISOString(),
            },
            { msgId: e.eventId },
          );
          await this.events.markFired(q, e);
        }
        return due.length;
      });
      fired += count;
      if (count > 0) this.logger.log(`Fired ${count} scheduled event(s)`);
      if (count < BATCH || this.stopping) return fired;
    }
  }
}

/** Runs `work` in one transaction on a connection of its own (row locks held until it ends). */
export async function inTransaction<T>(sql: Sql, work: (q: QueryRunner) => Promise<T>): Promise<T> {
  const q = await sql.dedicated();
  try {
    await q.startTransaction();
    try {
      const result = await work(q);
      await q.commitTransaction();
      return result;
    } catch (error) {
      await q.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await q.release();
  }
}
