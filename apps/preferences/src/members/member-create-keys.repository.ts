import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InjectDataSource } from '@app/persistence';

/** What an idempotency key was first used for. */
export interface KeyUse {
  memberId: string;
  /** The repeat's fields hash to the same as the first request's. */
  sameRequest: boolean;
}

// The fields as jsonb text: Postgres orders the keys and spacing, so only content counts.
const REQUEST_HASH = `sha256(convert_to(($3::jsonb)::text, 'UTF8'))`;

/** Idempotency keys of member creations (see the MemberCreateKeys migration). Scoped by workspace. */
@Injectable()
export class MemberCreateKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the key for a member about to be created in this transaction; false when the key is
   * already taken. A concurrent transaction holding the same key makes this wait for its end, so
   * after a false the first use is committed and `use` reads it.
   */
  async claim(
    manager: EntityManager,
    workspaceId: string,
    key: string,
    fields: unknown,
    memberId: string,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO member_create_keys (workspace_id, key, request_hash, member_id)
       VALUES ($1, $2, ${REQUEST_HASH}, $4)
       ON CONFLICT (workspace_id, key) DO NOTHING RETURNING 1`,
      [workspaceId, key, JSON.stringify(fields), memberId],
    );
    return rows.length > 0;
  }

  /** The key's first use, compared with these fields; null if the key is unknown (or swept). */
  async use(
    manager: EntityManager,
    workspaceId: string,
    key: string,
    fields: unknown,
  ): Promise<KeyUse | null> {
    const [row] = await manager.query<Array<{ member_id: string; same_request: boolean }>>(
      `SELECT member_id, request_hash = ${REQUEST_HASH} AS same_request
         FROM member_create_keys WHERE workspace_id = $1 AND key = $2`,
      [workspaceId, key, JSON.stringify(fields)],
    );
    return row ? { memberId: row.member_id, sameRequest: row.same_request } : null;
  }

  /** Deletes keys taken more than `ttlHours` before `now`, in batches; answers how many went. */
  async sweep(now: Date, ttlHours: number, batch = 5_000): Promise<number> {
    let total = 0;
    for (;;) {
      // TypeORM answers a DELETE with [rows, affected count].
      const [, deleted]: [unknown[], number] = await this.dataSource.query(
        `DELETE FROM member_create_keys WHERE (workspace_id, key) IN (
           SELECT workspace_id, key FROM member_create_keys
            WHERE created_at <= $1::timestamptz - make_interval(hours => $2) LIMIT $3
         )`,
        [now, ttlHours, batch],
      );
      total += deleted;
      if (deleted < batch) return total;
    }
  }
}
