import { Injectable } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';
import type { ScheduledEvent, WorkspaceEventPublished } from '@app/contracts';
import { Sql } from '@app/persistence';

interface Row {
  workspace_id: string;
  event_id: string;
  type: string;
  member_id: string | null;
  data: Record<string, unknown>;
  at: Date;
  status: ScheduledEvent['status'];
  fired_at: Date | null;
  cancelled_at: Date | null;
  created_at: Date;
}

const toEvent = (r: Row): ScheduledEvent & { workspaceId: string } => ({
  workspaceId: r.workspace_id,
  eventId: r.event_id,
  type: r.type,
  memberId: r.member_id,
  data: r.data,
  at: r.at.toISOString(),
  status: r.status,
  firedAt: r.fired_at?.toISOString() ?? null,
  cancelledAt: r.cancelled_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});
export type StoredEvent = ReturnType<typeof toEvent>;

/** Events kept to fire at a time, and the fired ones (for the list); keyed by workspace and event id. */
@Injectable()
export class ScheduledEventsRepository {
  constructor(private readonly sql: Sql) {}

  /** Stores the event once per id: a retry gets the stored one back, whatever it says. */
  async schedule(
    e: Omit<StoredEvent, 'status' | 'firedAt' | 'cancelledAt' | 'createdAt'>,
  ): Promise<StoredEvent> {
    const [created] = await this.sql.query<Row>(
      `INSERT INTO scheduled_events (workspace_id, event_id, type, member_id, data, at, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'scheduled') ON CONFLICT DO NOTHING RETURNING *`,
      [e.workspaceId, e.eventId, e.type, e.memberId, JSON.stringify(e.data), e.at],
    );
    return created ? toEvent(created) : (await this.get(e.workspaceId, e.eventId))!;
  }

  async get(workspaceId: string, eventId: string): Promise<StoredEvent | null> {
    const [row] = await this.sql.query<Row>(
      `SELECT * FROM scheduled_events WHERE workspace_id = $1 AND event_id = $2`,
      [workspaceId, eventId],
    );
    return row ? toEvent(row) : null;
  }

  /** Cancels it unless it fired (or was cancelled): waits for a sweep holding it, so never both. */
  async cancel(workspaceId: string, eventId: string): Promise<StoredEvent | null> {
    const [row] = await this.sql.query<Row>(
      `UPDATE scheduled_events SET status = 'cancelled', cancelled_at = now()
       WHERE workspace_id = $1 AND event_id = $2 AND status = 'scheduled' RETURNING *`,
      [workspaceId, eventId],
    );
    return row ? toEvent(row) : null;
  }

  /** An event published without a time (or by another service), kept as fired for the list. */
  async recordFired(event: WorkspaceEventPublished): Promise<void> {
    await this.sql.query(
      `INSERT INTO scheduled_events (workspace_id, event_id, type, member_id, data, at, status, fired_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'fired', now())
       ON CONFLICT (workspace_id, event_id) DO UPDATE SET status = 'fired', fired_at = coalesce(scheduled_events.fired_at, now())
       WHERE scheduled_events.status = 'scheduled'`,
      [
        event.workspaceId,
        event.eventId,
        event.type,
        event.memberId,
        JSON.stringify(event.data),
        event.occurredAt,
      ],
    );
  }

  /**
   * Locks up to `limit` due events that no other replica holds (SKIP LOCKED), for `fire` to
   * publish and mark fired in the same transaction: each fires once across replicas.
   */
  async due(q: QueryRunner, limit: number): Promise<StoredEvent[]> {
    const rows = (await q.query(
      `SELECT * FROM scheduled_events WHERE status = 'scheduled' AND at <= now()
       ORDER BY at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as Row[];
    return rows.map(toEvent);
  }

  async markFired(q: QueryRunner, e: StoredEvent): Promise<void> {
    await q.query(
      `UPDATE scheduled_events SET status = 'fired', fired_at = now() WHERE workspace_id = $1 AND event_id = $2`,
      [e.workspaceId, e.eventId],
    );
  }

  /** A page by `at` then id, after the cursor (`<at ISO>|<eventId>`). */
  async page(
    workspaceId: string,
    status: ScheduledEvent['status'] | null,
    after: { at: string; eventId: string } | null,
    limit: number,
  ): Promise<StoredEvent[]> {
    const rows = await this.sql.query<Row>(
      `SELECT * FROM scheduled_events WHERE workspace_id = $1 AND ($2::text IS NULL OR status = $2)
         AND ($3::timestamptz IS NULL OR (at, event_id) > ($3::timestamptz, $4::text))
       ORDER BY at, event_id LIMIT $5`,
      [workspaceId, status, after?.at ?? null, after?.eventId ?? null, limit],
    );
    return rows.map(toEvent);
  }
}
