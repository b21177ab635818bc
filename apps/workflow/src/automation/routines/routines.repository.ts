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
  createdAt: Date;
}

interface RoutineRow {
  id: string;
  workspace_id: string;
  name: string;
  member_filter: string;
  action: SendAction;
  schedule: string | null;
  created_at: Date;
}

const toRoutine = (row: RoutineRow): RoutineRecord => ({
  id: row.id,
  workspaceId: row.workspace_id,
  name: row.name,
  memberFilter: row.member_filter,
  action: row.action,
  schedule: row.schedule,
  createdAt: row.created_at,
});

/** Routines: a member filter and an action, run now or on a schedule. */
@Injectable()
export class RoutinesRepository {
  constructor(private readonly sql: Sql) {}

  async create(input: Omit<RoutineRecord, 'id' | 'createdAt'>): Promise<RoutineRecord> {
    const [row] = await this.sql.query<RoutineRow>(
      `INSERT INTO routines (id, workspace_id, name, member_filter, action, schedule) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [
        randomUUID(),
        input.workspaceId,
        input.name,
        input.memberFilter,
        JSON.stringify(input.action),
        input.schedule,
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

  /** Every scheduled routine (all workspaces: the scheduler is the system's), with its last claimed tick. */
  async scheduled(): Promise<Array<RoutineRecord & { lastTick: Date | null }>> {
    const rows = await this.sql.query<RoutineRow & { last_tick: Date | null }>(
      `SELECT r.*, (SELECT max(rr.scheduled_for) FROM routine_runs rr WHERE rr.routine_id = r.id) AS last_tick
       FROM routines r WHERE r.schedule IS NOT NULL`,
    );
    return rows.map((row) => ({ ...toRoutine(row), lastTick: row.last_tick }));
  }
}
