import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { outcomeParams, type ActionOutcome } from '../actions/action-outcome';
import { Sql, type RowOf } from '@app/persistence';
import type { ActionResultStatus } from '@app/rules';
import { moveWithSend, type FollowedFrom, type FollowedSend } from '../actions/follow-send';

/** The result statuses a run counts (pending items are counted in `matched` only). */
const COUNTERS = ['accepted', 'sent', 'skipped', 'failed', 'undelivered'] as const;

export interface RoutineRun {
  id: string;
  workspaceId: string;
  routineId: string;
  state: 'running' | 'done' | 'cancelled';
  scheduledFor: Date | null;
  memberCursor: string | null;
  listingDone: boolean;
  matched: number;
  accepted: number;
  sent: number;
  skipped: number;
  failed: number;
  undelivered: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

type RunRow = RowOf<RoutineRun>;

const toRun = (row: RunRow): RoutineRun => ({
  id: row.id,
  workspaceId: row.workspace_id,
  routineId: row.routine_id,
  state: row.state,
  scheduledFor: row.scheduled_for,
  memberCursor: row.member_cursor,
  listingDone: row.listing_done,
  matched: row.matched,
  accepted: row.accepted,
  sent: row.sent,
  skipped: row.skipped,
  failed: row.failed,
  undelivered: row.undelivered,
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

  /**
   * Settles one member's item and counts it, once (a second settle of the same item changes
   * nothing). The send's own updates may have settled it first: then only the ids fill in.
   */
  async settleItem(
    run: Pick<RoutineRun, 'id' | 'workspaceId'>,
    memberId: string,
    outcome: ActionOutcome,
  ): Promise<void> {
    await this.sql.query(
      `WITH settled AS (
         UPDATE routine_run_items SET status = $4, reason = $5, send_id = $6, chat_id = $7,
           send_status = $8, error_code = $9, updated_at = now()
         WHERE run_id = $1 AND member_id = $3 AND status = 'pending' RETURNING status
       ), ids AS (
         UPDATE routine_run_items SET send_id = coalesce(send_id, $6), chat_id = coalesce(chat_id, $7)
         WHERE run_id = $1 AND member_id = $3 AND status <> 'pending' AND NOT EXISTS (SELECT 1 FROM settled)
       )
       UPDATE routine_runs SET ${COUNTERS.map((c) => `${c} = ${c} + (SELECT count(*) FROM settled WHERE status = '${c}')`).join(', ')}
       WHERE id = $1 AND workspace_id = $2`,
      [run.id, run.workspaceId, memberId, ...outcomeParams(outcome)],
    );
  }

  /**
   * Moves one member's result along with its send, and the run's counters with it, in one
   * statement guarded by the state it was computed from (retried when a concurrent change won).
   * False when the run has no such member.
   */
  async followItem(
    workspaceId: string,
    runId: string,
    memberId: string,
    next: (current: FollowedFrom) => FollowedSend | null,
  ): Promise<boolean> {
    const counter = (c: string) =>
      `${c} = ${c} + (SELECT count(*) FROM moved WHERE status = '${c}') - (CASE WHEN $9 = '${c}' AND EXISTS (SELECT 1 FROM moved) THEN 1 ELSE 0 END)`;
    const write = async (params: unknown[]) => {
      const [done] = await this.sql.query<{ id: string }>(
        `WITH moved AS (
           UPDATE routine_run_items SET status = $4, reason = $5, send_status = $6, error_code = $7,
             send_id = coalesce(send_id, $8), updated_at = now()
           WHERE workspace_id = $1 AND run_id = $2 AND member_id = $3
             AND status = $9 AND send_status IS NOT DISTINCT FROM $10
           RETURNING status
         )
         UPDATE routine_runs SET ${COUNTERS.map(counter).join(', ')}
         WHERE id = $2 AND workspace_id = $1 RETURNING (SELECT count(*) FROM moved) AS id`,
        params,
      );
      return Boolean(done && Number(done.id) > 0);
    };
    const item = {
      table: 'routine_run_items',
      where: 'workspace_id = $1 AND run_id = $2 AND member_id = $3',
      params: [workspaceId, runId, memberId],
    };
    return moveWithSend(this.sql, item, next, write);
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
      status: ActionResultStatus;
      reason: string | null;
      errorCode: string | null;
      sendId: string | null;
      chatId: string | null;
      updatedAt: string;
    }>
  > {
    const rows = await this.sql.query<{
      member_id: string;
      status: ActionResultStatus;
      reason: string | null;
      error_code: string | null;
      send_id: string | null;
      chat_id: string | null;
      updated_at: Date;
    }>(
      `SELECT member_id, status, reason, error_code, send_id, chat_id, updated_at FROM routine_run_items
       WHERE workspace_id = $1 AND run_id = $2 AND ($3::text IS NULL OR status = $3)
         AND ($4::uuid IS NULL OR member_id > $4)
       ORDER BY member_id LIMIT $5`,
      [workspaceId, runId, status, afterMemberId, limit],
    );
    return rows.map((r) => ({
      memberId: r.member_id,
      status: r.status,
      reason: r.reason,
      errorCode: r.error_code,
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
