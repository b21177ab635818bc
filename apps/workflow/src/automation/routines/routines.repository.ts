import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { SendAction } from '@app/contracts';
import { Sql } from '@app/persistence';

export interface RoutineRecord {
  id: string;
  workspaceId: string;
  name: string;
  memberFilter: string;
  action: SendAction;
  schedule: string | null;
  paused: boolean;
  scheduledFrom: Date | null;
  oncePer: string | null;
  createdAt: Date;
}

export type RoutinePatch = Partial<
  Pick<
    RoutineRecord,
    'name' | 'memberFilter' | 'action' | 'schedule' | 'paused' | 'scheduledFrom' | 'oncePer'
  >
>;

interface RoutineRow {
  id: string;
  workspace_id: string;
  name: string;
  member_filter: string;
  action: SendAction;
  schedule: string | null;
  paused: boolean;
  scheduled_from: Date | null;
  once_per: string | null;
  created_at: Date;
}

const toRoutine = (row: RoutineRow): RoutineRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  name: row.name,
  memberFilter: row.member_filter,
  action: row.action,
  schedule: row.schedule,
  paused: row.paused,
  scheduledFrom: row.scheduled_from,
  oncePer: row.once_per,
  createdAt: row.created_at,
});

const COLUMNS: Record<keyof RoutinePatch, string> = {
  name: 'name',
  memberFilter: 'member_filter',
  action: 'action',
  schedule: 'schedule',
  paused: 'paused',
  scheduledFrom: 'scheduled_from',
  oncePer: 'once_per',
};

/** Routines: a member filter and an action, run now or on a schedule. */
@Injectable()
export class RoutinesRepository {
  constructor(private readonly sql: Sql) {}

  async create(
    input: Omit<RoutineRecord, 'id' | 'createdAt' | 'paused' | 'scheduledFrom'>,
  ): Promise<RoutineRecord> {
    const [row] = await this.sql.query<RoutineRow>(
      `INSERT INTO routines (id, workspace_id, name, member_filter, action, schedule, once_per) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        randomUUID(),
        input.workspaceId,
        input.name,
        input.memberFilter,
        JSON.stringify(input.action),
        input.schedule,
        input.oncePer,
      ],
    );
    return toRoutine(row);
  }

  async get(workspaceId: string, routineId: string): Promise<RoutineRecord | null> {
    const [row] = await this.sql.query<RoutineRow>(
      `SELECT * FROM routines WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, routineId],
    );
    return row ? toRoutine(row) : null;
  }

  /** One page of a workspace's routines, oldest first, after the routine `afterId`. */
  async page(workspaceId: string, afterId: string | null, limit: number): Promise<RoutineRecord[]> {
    const rows = await this.sql.query<RoutineRow>(
      `SELECT * FROM routines WHERE workspace_id = $1
         AND ($2::uuid IS NULL OR (created_at, id) > (SELECT p.created_at, p.id FROM routines p WHERE p.workspace_id = $1 AND p.id = $2))
       ORDER BY created_at, id LIMIT $3`,
      [workspaceId, afterId, limit],
    );
    return rows.map(toRoutine);
  }

  async update(workspaceId: string, routineId: string, patch: RoutinePatch): Promise<RoutineRecord | null> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<
      [keyof RoutinePatch, unknown]
    >;
    if (!entries.length) return this.get(workspaceId, routineId);
    const sets = entries.map(([key], i) => `${COLUMNS[key]} = $${i + 3}`);
    const values = entries.map(([key, value]) => (key === 'action' ? JSON.stringify(value) : value));
    const [row] = await this.sql.query<RoutineRow>(
      `UPDATE routines SET ${sets.join(', ')} WHERE workspace_id = $1 AND id = $2 RETURNING *`,
      [workspaceId, routineId, ...values],
    );
    return row ? toRoutine(row) : null;
  }

  /**
   * Claims a oncePer key for this run: true when the key is free or already this run's (a resumed
   * run), false when another run acted on it.
   */
  async claimOnce(
    routine: Pick<RoutineRecord, 'id' | 'workspaceId'>,
    key: string,
    memberId: string,
    runId: string,
  ): Promise<boolean> {
    const rows = await this.sql.query<{ run_id: string }>(
      `WITH claimed AS (
         INSERT INTO routine_once_keys (routine_id, key, workspace_id, member_id, run_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (routine_id, key) DO NOTHING RETURNING run_id
       )
       SELECT run_id FROM claimed UNION ALL
       SELECT run_id FROM routine_once_keys WHERE routine_id = $1 AND key = $2 AND NOT EXISTS (SELECT 1 FROM claimed)`,
      [routine.id, key, routine.workspaceId, memberId, runId],
    );
    return rows[0]?.run_id === runId;
  }

  /** Gives a key back when this run did not send (skipped or failed): a later run may try again. */
  async releaseOnce(routineId: string, key: string, runId: string): Promise<void> {
    await this.sql.query(`DELETE FROM routine_once_keys WHERE routine_id = $1 AND key = $2 AND run_id = $3`, [
      routineId,
      key,
      runId,
    ]);
  }

  /** Deletes a routine with its runs and their per-member results, in one statement. */
  async delete(workspaceId: string, routineId: string): Promise<boolean> {
    const rows = await this.sql.query<{ id: string }>(
      `WITH runs AS (SELECT id FROM routine_runs WHERE workspace_id = $1 AND routine_id = $2),
            items AS (DELETE FROM routine_run_items WHERE run_id IN (SELECT id FROM runs)),
            gone AS (DELETE FROM routine_runs WHERE id IN (SELECT id FROM runs)),
            keys AS (DELETE FROM routine_once_keys WHERE workspace_id = $1 AND routine_id = $2)
       DELETE FROM routines WHERE workspace_id = $1 AND id = $2 RETURNING id`,
      [workspaceId, routineId],
    );
    return rows.length > 0;
  }

  /**
   * Every scheduled routine that is not paused (all workspaces: the scheduler is the system's),
   * with the time from which ticks are owed: its last claimed tick, or when it was scheduled.
   */
  async scheduled(): Promise<Array<RoutineRecord & { lastTick: Date | null }>> {
    const rows = await this.sql.query<RoutineRow & { last_tick: Date | null }>(
      `SELECT r.*, (SELECT max(rr.scheduled_for) FROM routine_runs rr WHERE rr.routine_id = r.id) AS last_tick
       FROM routines r WHERE r.schedule IS NOT NULL AND NOT r.paused`,
    );
    return rows.map((row) => ({ ...toRoutine(row), lastTick: row.last_tick }));
  }
}
