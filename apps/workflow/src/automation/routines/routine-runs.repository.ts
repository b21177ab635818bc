import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ActionOutcome } from '../actions/action-outcome';
import { Sql } from '@app/persistence';

export interface RoutineRun {
  id: string;
  workspaceId: string;
  routineId: string;
  state: 'running' | 'done' | 'cancelled';
  scheduledFor: Date | null;
  memberCursor: string | null;
  listingDone: boolean;
  matched: number;
  sent: number;
  skipped: number;
  failed: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

interface RunRow {
  id: string;
  workspace_id: string;
  routine_id: string;
  state: 'running' | 'done' | 'cancelled';
  scheduled_for: Date | null;
  member_cursor: string | null;
  listing_done: boolean;
  matched: number;
  sent: number;
  skipped: number;
  failed: number;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

const toRun = (row: RunRow): RoutineRun => ({
  id: row.id,
  workspaceId: row.workspace_id,
  routineId: row.routine_id,
  state: row.state,
  scheduledFor: row.scheduled_for,
  memberCursor: row.member_cursor,
  listingDone: row.listing_done,
  matched: row.matched,
  sent: row.sent,
  skipped: row.skipped,
  failed: row.failed,
  error: row.error,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

/**
 * Runs of routines and their per-member items. Counters move in the same statement as the rows
 * they count, so progress stays exact across crashes and concurrent resumers.
 */
@Injectable()
export class RoutineRunsRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * Starts a run, unless the routine is already running or (for a cron tick) another replica
   * claimed this tick: then null.
   */
  async start(workspaceId: string, routineId: string, scheduledFor: Date | null): Promise<RoutineRun | null> {
    const [row] = await this.sql.query<RunRow>(
      `INSERT INTO routine_runs (id, workspace_id, routine_id, state, scheduled_for) VALUES ($1, $2, $3, 'running', $4)
       ON CONFLICT DO NOTHING RETURNING *`,
      [randomUUID(), workspaceId, routineId, scheduledFor],
    );
    return row ? toRun(row) : null;
  }

  async get(runId: string): Promise<RoutineRun | null> {
    const [row] = await this.sql.query<RunRow>(`SELECT * FROM routine_runs WHERE id = $1`, [runId]);
    return row ? toRun(row) : null;
  }

  async latest(workspaceId: string, routineId: string): Promise<RoutineRun | null> {
    const [row] = await this.sql.query<RunRow>(
      `SELECT * FROM routine_runs WHERE workspace_id = $1 AND routine_id = $2 ORDER BY (state = 'running') DESC, started_at DESC, id DESC LIMIT 1`,
      [workspaceId, routineId],
    );
    return row ? toRun(row) : null;
  }

  async running(): Promise<string[]> {
    const rows = await this.sql.query<{ id: string }>(
      `SELECT id FROM routine_runs WHERE state = 'running' ORDER BY started_at`,
    );
    return rows.map((r) => r.id);
  }

  /**
   * Records a page of matched members (pending) and where the next page starts, in one
   * statement: a crash leaves either both or neither. Members already recorded are not counted twice.
   */
  async addPage(
    run: Pick<RoutineRun, 'id' | 'workspaceId'>,
    memberIds: string[],
    nextCursor: string | null,
  ): Promise<void> {
    await this.sql.query(
      `WITH added AS (
         INSERT INTO routine_run_items (run_id, member_id, workspace_id, status)
         SELECT $1, m, $2, 'pending' FROM unnest($3::uuid[]) AS m
         ON CONFLICT (run_id, member_id) DO NOTHING RETURNING 1
       )
       UPDATE routine_runs SET matched = matched + (SELECT count(*) FROM added), member_cursor = $4, listing_done = $5
       WHERE id = $1 AND workspace_id = $2`,
      [run.id, run.workspaceId, memberIds, nextCursor, nextCursor === null],
    );
  }

  async pendingItems(runId: string, limit: number): Promise<string[]> {
    const rows = await this.sql.query<{ member_id: string }>(
      `SELECT member_id FROM routine_run_items WHERE run_id = $1 AND status = 'pending' ORDER BY member_id LIMIT $2`,
      [runId, limit],
    );
    return rows.map((r) => r.member_id);
  }

  /** Settles one member's item and counts it, once (a second settle of the same item changes nothing). */
  async settleItem(
    run: Pick<RoutineRun, 'id' | 'workspaceId'>,
    memberId: string,
    outcome: ActionOutcome,
  ): Promise<void> {
    await this.sql.query(
      `WITH settled AS (
         UPDATE routine_run_items SET status = $4, reason = $5, send_id = $6, chat_id = $7, updated_at = now()
         WHERE run_id = $1 AND member_id = $3 AND status = 'pending' RETURNING status
       )
       UPDATE routine_runs SET
         sent = sent + (SELECT count(*) FROM settled WHERE status = 'sent'),
         skipped = skipped + (SELECT count(*) FROM settled WHERE status = 'skipped'),
         failed = failed + (SELECT count(*) FROM settled WHERE status = 'failed')
       WHERE id = $1 AND workspace_id = $2`,
      [run.id, run.workspaceId, memberId, outcome.status, outcome.reason, outcome.sendId, outcome.chatId],
    );
  }

  async finish(runId: string, error: string | null = null): Promise<void> {
    await this.sql.query(
      `UPDATE routine_runs SET state = 'done', error = $2, finished_at = now() WHERE id = $1 AND state = 'running'`,
      [runId, error],
    );
  }

  /** Cancels the routine's running run, if any: the runner stops taking members (see RoutineRunner). */
  async cancel(workspaceId: string, routineId: string): Promise<RoutineRun | null> {
    const [row] = await this.sql.query<RunRow>(
      `UPDATE routine_runs SET state = 'cancelled', finished_at = now()
       WHERE workspace_id = $1 AND routine_id = $2 AND state = 'running' RETURNING *`,
      [workspaceId, routineId],
    );
    return row ? toRun(row) : null;
  }

  async stateOf(runId: string): Promise<RoutineRun['state'] | null> {
    const [row] = await this.sql.query<{ state: RoutineRun['state'] }>(
      `SELECT state FROM routine_runs WHERE id = $1`,
      [runId],
    );
    return row?.state ?? null;
  }

  async getInWorkspace(workspaceId: string, routineId: string, runId: string): Promise<RoutineRun | null> {
    const [row] = await this.sql.query<RunRow>(
      `SELECT * FROM routine_runs WHERE workspace_id = $1 AND routine_id = $2 AND id = $3`,
      [workspaceId, routineId, runId],
    );
    return row ? toRun(row) : null;
  }

  /** One page of a run's per-member results in member id order, after `afterMemberId`, of one status or all. */
  async results(
    workspaceId: string,
    runId: string,
    status: string | null,
    afterMemberId: string | null,
    limit: number,
  ): Promise<
    Array<{
      memberId: string;
      status: 'pending' | 'sent' | 'skipped' | 'failed';
      reason: string | null;
      sendId: string | null;
      chatId: string | null;
      updatedAt: string;
    }>
  > {
    const rows = await this.sql.query<{
      member_id: string;
      status: 'pending' | 'sent' | 'skipped' | 'failed';
      reason: string | null;
      send_id: string | null;
      chat_id: string | null;
      updated_at: Date;
    }>(
      `SELECT member_id, status, reason, send_id, chat_id, updated_at FROM routine_run_items
       WHERE workspace_id = $1 AND run_id = $2 AND ($3::text IS NULL OR status = $3)
         AND ($4::uuid IS NULL OR member_id > $4)
       ORDER BY member_id LIMIT $5`,
      [workspaceId, runId, status, afterMemberId, limit],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      status: r.status,
      reason: r.reason,
      sendId: r.send_id,
      chatId: r.chat_id,
      updatedAt: r.updated_at.toISOString(),
    }));
  }

  /** Per-member outcomes of a run, for tests and support. */
  async items(
    workspaceId: string,
    runId: string,
  ): Promise<Array<{ memberId: string; status: string; reason: string | null }>> {
    const rows = await this.sql.query<{ member_id: string; status: string; reason: string | null }>(
      `SELECT member_id, status, reason FROM routine_run_items WHERE workspace_id = $1 AND run_id = $2`,
      [workspaceId, runId],
    );
    return rows.map((r) => ({ memberId: r.member_id, status: r.status, reason: r.reason }));
  }
}
