import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ActionRun as ActionRunContract } from '@app/contracts';
import type { z } from 'zod';
import { outcomeParams, type ActionOutcome } from '../actions/action-outcome';
import { Sql } from '@app/persistence';
import { moveWithSend, type FollowedFrom, type FollowedSend } from '../actions/follow-send';

export type ActionRun = z.infer<typeof ActionRunContract>;

interface ActionRunRow {
  id: string;
  workspace_id: string;
  rule_id: string;
  event_id: string;
  member_id: string | null;
  status: ActionRun['status'];
  reason: string | null;
  send_id: string | null;
  chat_id: string | null;
  error_code: string | null;
  created_at: Date;
}

const toRun = (row: ActionRunRow): ActionRun => ({
  id: row.id,
  ruleId: row.rule_id,
  routineId: null,
  eventId: row.event_id,
  memberId: row.member_id,
  status: row.status,
  reason: row.reason,
  sendId: row.send_id,
  chatId: row.chat_id,
  errorCode: row.error_code,
  createdAt: row.created_at.toISOString(),
});

/** The run log of event rules: one row per (rule, event), pending until the action settles. */
@Injectable()
export class ActionRunsRepository {
  constructor(private readonly sql: Sql) {}

  /**
   * The run of this rule for this event: created pending, or the one an earlier delivery of the
   * same event left (settled, or pending after a crash mid-action).
   */
  async open(input: {
    workspaceId: string;
    ruleId: string;
    eventId: string;
    memberId: string | null;
  }): Promise<ActionRun> {
    const [created] = await this.sql.query<ActionRunRow>(
      `INSERT INTO action_runs (id, workspace_id, rule_id, event_id, member_id, status)
       VALUES ($1, $2, $3, $4, $5, 'pending') ON CONFLICT (rule_id, event_id) DO NOTHING RETURNING *`,
      [randomUUID(), input.workspaceId, input.ruleId, input.eventId, input.memberId],
    );
    if (created) return toRun(created);
    const [existing] = await this.sql.query<ActionRunRow>(
      `SELECT * FROM action_runs WHERE workspace_id = $1 AND rule_id = $2 AND event_id = $3`,
      [input.workspaceId, input.ruleId, input.eventId],
    );
    return toRun(existing);
  }

  /**
   * Records the outcome of a pending run (a settled run keeps its first outcome). The send's own
   * updates may have settled it already (they can arrive before the answer): then only the ids fill in.
   */
  async settle(workspaceId: string, runId: string, outcome: ActionOutcome): Promise<void> {
    await this.sql.query(
      `UPDATE action_runs SET
         status = CASE WHEN status = 'pending' THEN $3 ELSE status END,
         reason = CASE WHEN status = 'pending' THEN $4 ELSE reason END,
         send_status = CASE WHEN status = 'pending' THEN $7 ELSE send_status END,
         error_code = CASE WHEN status = 'pending' THEN $8 ELSE error_code END,
         send_id = coalesce(send_id, $5), chat_id = coalesce(chat_id, $6), updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, runId, ...outcomeParams(outcome)],
    );
  }

  /** Moves a run along with its send (see FollowSendUseCase); false when there is no such run. */
  async follow(
    workspaceId: string,
    runId: string,
    next: (current: FollowedFrom) => FollowedSend | null,
  ): Promise<boolean> {
    const write = async (params: unknown[]) => {
      const updated = await this.sql.query<{ id: string }>(
        `UPDATE action_runs SET status = $3, reason = $4, send_status = $5, error_code = $6,
           send_id = coalesce(send_id, $7), updated_at = now()
         WHERE workspace_id = $1 AND id = $2 AND status = $8 AND send_status IS NOT DISTINCT FROM $9 RETURNING id`,
        params,
      );
      return updated.length > 0;
    };
    const run = {
      table: 'action_runs',
      where: 'workspace_id = $1 AND id = $2',
      params: [workspaceId, runId],
    };
    return moveWithSend(this.sql, run, next, write);
  }

  async listForRule(workspaceId: string, ruleId: string, limit: number): Promise<ActionRun[]> {
    const rows = await this.sql.query<ActionRunRow>(
      `SELECT * FROM action_runs WHERE workspace_id = $1 AND rule_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3`,
      [workspaceId, ruleId, limit],
    );
    return rows.map(toRun);
  }
}
