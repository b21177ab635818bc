import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@app/persistence';
import type { DataSource, Repository } from 'typeorm';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entities';

/** The rows of an UPDATE ... RETURNING (TypeORM answers [rows, count] for one, the rows for others). */
function returning<T>(result: unknown): T[] {
  const r = result as unknown[];
  return (r.length === 2 && Array.isArray(r[0]) && typeof r[1] === 'number' ? r[0] : r) as T[];
}

/** The webhook tables. Every read of a workspace's endpoints and deliveries filters by its workspace id. */
@Injectable()
export class WebhooksStore {
  constructor(
    @InjectRepository(WebhookEndpointEntity) readonly endpoints: Repository<WebhookEndpointEntity>,
    @InjectRepository(WebhookDeliveryEntity) readonly deliveries: Repository<WebhookDeliveryEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  list(workspaceId: string): Promise<WebhookEndpointEntity[]> {
    return this.endpoints.find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  find(workspaceId: string, id: string): Promise<WebhookEndpointEntity | null> {
    return this.endpoints.findOneBy({ workspaceId, id });
  }

  /**
   * An endpoint's deliveries newest first, optionally of one status, a page at a time: `after` is
   * the last delivery of the previous page (its own created_at and id, compared in Postgres, so no
   * precision is lost in a cursor). Answers one row more than `limit` when there is a next page.
   */
  listDeliveries(
    workspaceId: string,
    endpointId: string,
    page: { limit: number; after?: string; status?: WebhookDeliveryEntity['status'] },
  ): Promise<WebhookDeliveryEntity[]> {
    const query = this.deliveries
      .createQueryBuilder('d')
      .where('d.workspace_id = :workspaceId AND d.endpoint_id = :endpointId', { workspaceId, endpointId })
      .orderBy('d.createdAt', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(page.limit + 1);
    if (page.status) query.andWhere('d.status = :status', { status: page.status });
    if (page.after)
      query.andWhere(
        `(d.created_at, d.id) < (SELECT a.created_at, a.id FROM webhook_deliveries a
           WHERE a.id = :after AND a.workspace_id = :workspaceId AND a.endpoint_id = :endpointId)`,
        { after: page.after },
      );
    return query.getMany();
  }

  /**
   * One outbox row per enabled endpoint of the workspace that wants this event type; a redelivered
   * event finds its rows there already. Answers how many new rows were written.
   */
  async enqueue(event: {
    workspaceId: string;
    eventId: string;
    type: string;
    payload: unknown;
  }): Promise<number> {
    const rows = returning<{ id: string }>(
      await this.db.query(
        `INSERT INTO webhook_deliveries (id, endpoint_id, workspace_id, event_id, event_type, payload)
       SELECT gen_random_uuid(), e.id, e.workspace_id, $2, $3, $4::jsonb
         FROM webhook_endpoints e
        WHERE e.workspace_id = $1 AND e.enabled AND (cardinality(e.events) = 0 OR $3 = ANY (e.events))
       ON CONFLICT (endpoint_id, event_id) DO NOTHING
       RETURNING id`,
        [event.workspaceId, event.eventId, event.type, JSON.stringify(event.payload)],
      ),
    );
    return rows.length;
  }

  /**
   * Takes up to `limit` due deliveries of enabled endpoints for this replica: their next attempt
   * moves `leaseMs` ahead, so no other replica takes them meanwhile and a crash retries them then.
   */
  async claimDue(
    limit: number,
    leaseMs: number,
  ): Promise<Array<WebhookDeliveryEntity & { url: string; secret: string }>> {
    const rows = returning<Record<string, unknown>>(
      await this.db.query(
        `WITH due AS (
         SELECT d.id FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND e.enabled
          ORDER BY d.next_attempt_at LIMIT $1
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE webhook_deliveries d SET next_attempt_at = now() + ($2 || ' milliseconds')::interval
         FROM due, webhook_endpoints e
        WHERE d.id = due.id AND e.id = d.endpoint_id
       RETURNING d.*, e.url, e.secret`,
        [limit, String(leaseMs)],
      ),
    );
    return rows.map((r) => ({
      id: r.id as string,
      endpointId: r.endpoint_id as string,
      workspaceId: r.workspace_id as string,
      eventId: r.event_id as string,
      eventType: r.event_type as string,
      payload: r.payload,
      status: r.status as WebhookDeliveryEntity['status'],
      attempts: r.attempts as number,
      nextAttemptAt: r.next_attempt_at as Date,
      lastStatusCode: r.last_status_code as number | null,
      lastError: r.last_error as string | null,
      createdAt: r.created_at as Date,
      deliveredAt: r.delivered_at as Date | null,
      url: r.url as string,
      secret: r.secret as string,
    }));
  }

  async delivered(id: string, endpointId: string, statusCode: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status_code = $2,
                last_error = NULL, delivered_at = now() WHERE id = $1`,
        [id, statusCode],
      );
      await tx.query(
        `UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`,
        [endpointId],
      );
    });
  }

  /**
   * A failed attempt: retried at `retryAt`; the endpoint is marked failing since now unless it
   * already was, and disabled when it has failed for `disableAfterMs` (its pending deliveries fail).
   * Answers whether it was disabled now.
   */
  async failed(
    delivery: { id: string; endpointId: string },
    outcome: { statusCode: number | null; error: string; retryAt: Date; disableAfterMs: number },
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3,
                next_attempt_at = $4 WHERE id = $1`,
        [delivery.id, outcome.statusCode, outcome.error.slice(0, 500), outcome.retryAt],
      );
      const [endpoint] = returning<{ failing_since: Date }>(
        await tx.query(
          `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, now()) WHERE id = $1 RETURNING failing_since`,
          [delivery.endpointId],
        ),
      );
      if (!endpoint || Date.now() - endpoint.failing_since.getTime() < outcome.disableAfterMs) return false;
      await tx.query(
        `UPDATE webhook_endpoints SET enabled = false, updated_at = now(),
                disabled_reason = 'Failing since ' || to_char(failing_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ': ' || $2
          WHERE id = $1 AND enabled`,
        [delivery.endpointId, outcome.error.slice(0, 300)],
      );
      await tx.query(
        `UPDATE webhook_deliveries SET status = 'failed' WHERE endpoint_id = $1 AND status = 'pending'`,
        [delivery.endpointId],
      );
      return true;
    });
  }

  newEndpoint(
    fields: Omit<
      WebhookEndpointEntity,
      'id' | 'createdAt' | 'updatedAt' | 'failingSince' | 'disabledReason' | 'enabled'
    >,
  ): WebhookEndpointEntity {
    const now = new Date();
    return Object.assign(new WebhookEndpointEntity(), {
      id: randomUUID(),
      ...fields,
      enabled: true,
      disabledReason: null,
      failingSince: null,
      createdAt: now,
      updatedAt: now,
    });
  }
}
