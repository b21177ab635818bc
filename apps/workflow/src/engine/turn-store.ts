import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectDataSource } from '@app/persistence';

export type TurnStatus = 'running' | 'answered' | 'skipped' | 'failed';

export interface ChatSession {
  chatId: string;
  workflowId: string;
  version: number;
}

/** Turns (which inputs were answered, by which turn) and the workflow version each chat runs. */
@Injectable()
export class TurnStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The status of an input, or null when no turn took it yet. */
  async statusOf(workspaceId: string, key: string): Promise<{ status: TurnStatus; leadKey: string } | null> {
    const rows: Array<{ status: TurnStatus; lead_key: string }> = await this.db.query(
      `SELECT status, lead_key FROM turns WHERE workspace_id = $1 AND turn_key = $2`,
      [workspaceId, key],
    );
    return rows[0] ? { status: rows[0].status, leadKey: rows[0].lead_key } : null;
  }

  /** The inputs of a chat that some turn took (answered, skipped or in progress), by key. */
  async takenKeys(workspaceId: string, chatId: string, keys: string[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows: Array<{ turn_key: string; lead_key: string }> = await this.db.query(
      `SELECT turn_key, lead_key FROM turns WHERE workspace_id = $1 AND chat_id = $2 AND turn_key = ANY($3::text[])`,
      [workspaceId, chatId, keys],
    );
    return new Map(rows.map((r) => [r.turn_key, r.lead_key]));
  }

  /**
   * Claims inputs for a turn led by `leadKey`. Returns the keys this lead holds afterwards (its own
   * from an earlier, interrupted attempt included); a key another lead took first is not returned.
   */
  async claim(workspaceId: string, chatId: string, leadKey: string, keys: string[]): Promise<Set<string>> {
    // One statement: the keys inserted now, and those this lead held before it (the SELECT sees
    // the table as it was when the statement began).
    const rows: Array<{ turn_key: string }> = await this.db.query(
      `WITH claimed AS (
         INSERT INTO turns (turn_key, workspace_id, chat_id, lead_key, status)
         SELECT k, $1, $2, $3, 'running' FROM unnest($4::text[]) AS k
         ON CONFLICT (turn_key) DO NOTHING RETURNING turn_key)
       SELECT turn_key FROM claimed
       UNION SELECT turn_key FROM turns WHERE workspace_id = $1 AND lead_key = $3 AND turn_key = ANY($4::text[])`,
      [workspaceId, chatId, leadKey, keys],
    );
    return new Set(rows.map((r) => r.turn_key));
  }

  /** Records an input no turn will answer (keyword, opted out, off hours...), once. */
  async recordSkipped(workspaceId: string, chatId: string, key: string, reason: string): Promise<void> {
    await this.db.query(
      `INSERT INTO turns (turn_key, workspace_id, chat_id, lead_key, status, reason, finished_at)
       VALUES ($1, $2, $3, $1, 'skipped', $4, now()) ON CONFLICT (turn_key) DO NOTHING`,
      [key, workspaceId, chatId, reason],
    );
  }

  async finish(
    workspaceId: string,
    leadKey: string,
    status: Exclude<TurnStatus, 'running'>,
    reason: string | null,
  ): Promise<void> {
    await this.db.query(
      `UPDATE turns SET status = $3, reason = $4, finished_at = now() WHERE workspace_id = $1 AND lead_key = $2 AND status = 'running'`,
      [workspaceId, leadKey, status, reason],
    );
  }

  async session(workspaceId: string, chatId: string): Promise<ChatSession | null> {
    const rows: Array<{ chat_id: string; workflow_id: string; version: number }> = await this.db.query(
      `SELECT chat_id, workflow_id, version FROM chat_sessions WHERE workspace_id = $1 AND chat_id = $2`,
      [workspaceId, chatId],
    );
    return rows[0]
      ? { chatId: rows[0].chat_id, workflowId: rows[0].workflow_id, version: rows[0].version }
      : null;
  }

  /**
   * The chat's session, or a new one pinned to the latest version of `workflowId`, in one
   * statement. Null when that could not settle it (no such workflow, or another start pinned the
   * chat meanwhile): the caller takes the slow path (session, latest, pin).
   */
  async sessionOrPinLatest(
    workspaceId: string,
    chatId: string,
    workflowId: string,
  ): Promise<ChatSession | null> {
    const rows: Array<{ workflow_id: string; version: number }> = await this.db.query(
      `WITH kept AS (
         SELECT workflow_id, version FROM chat_sessions WHERE workspace_id = $1 AND chat_id = $2),
       latest AS (
         SELECT workflow_id, version FROM workflow_versions
          WHERE workspace_id = $1 AND workflow_id = $3 AND NOT EXISTS (SELECT 1 FROM kept)
          ORDER BY version DESC LIMIT 1),
       pinned AS (
         INSERT INTO chat_sessions (chat_id, workspace_id, workflow_id, version, started_by)
         SELECT $2, $1, workflow_id, version, 'inbound' FROM latest
         ON CONFLICT (chat_id) DO NOTHING RETURNING workflow_id, version)
       SELECT workflow_id, version FROM kept UNION ALL SELECT workflow_id, version FROM pinned`,
      [workspaceId, chatId, workflowId],
    );
    return rows[0] ? { chatId, workflowId: rows[0].workflow_id, version: rows[0].version } : null;
  }

  /**
   * Pins a workflow version to a chat. An inbound turn keeps an existing pin (first writer wins);
   * an action that starts a chat with a workflow replaces it.
   */
  async pin(
    workspaceId: string,
    session: ChatSession,
    startedBy: 'inbound' | 'action',
  ): Promise<ChatSession> {
    const onConflict =
      startedBy === 'action'
        ? `DO UPDATE SET workflow_id = EXCLUDED.workflow_id, version = EXCLUDED.version, started_by = 'action', created_at = now()
           WHERE chat_sessions.workspace_id = EXCLUDED.workspace_id`
        : 'DO NOTHING';
    const written: Array<{ workflow_id: string; version: number }> = await this.db.query(
      `INSERT INTO chat_sessions (chat_id, workspace_id, workflow_id, version, started_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (chat_id) ${onConflict} RETURNING workflow_id, version`,
      [session.chatId, workspaceId, session.workflowId, session.version, startedBy],
    );
    // Written: that is the pin. Not written (another start pinned the chat first): read the one kept.
    if (written[0])
      return { chatId: session.chatId, workflowId: written[0].workflow_id, version: written[0].version };
    const pinned = await this.session(workspaceId, session.chatId);
    if (!pinned) throw new Error('chat session vanished after it was pinned');
    return pinned;
  }

  /** The chat an earlier start with this idempotency key opened, if any. */
  async startedChat(workspaceId: string, idempotencyKey: string): Promise<string | null> {
    const rows: Array<{ chat_id: string }> = await this.db.query(
      `SELECT chat_id FROM chat_starts WHERE workspace_id = $1 AND idempotency_key = $2`,
      [workspaceId, idempotencyKey],
    );
    return rows[0]?.chat_id ?? null;
  }

  async recordStart(workspaceId: string, idempotencyKey: string, chatId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO chat_starts (idempotency_key, workspace_id, chat_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [idempotencyKey, workspaceId, chatId],
    );
  }
}
