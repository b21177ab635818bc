import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { columnsOf, findOneRow, InjectDataSource, rowAs, withoutPrefix } from '@app/persistence';
import type { Channel, ChatClosedReason } from '@app/contracts';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { ChatEntity } from './chat.entity';
import { ChatMessageEntity } from './chat-message.entity';
import type { WaitingCursor } from './cursor';

/** Who a chat is between, and on which channel: at most one open chat per key. */
export interface ChatKey {
  workspaceId: string;
  phoneNumberId: string;
  memberId: string;
  channel: Channel;
}

/** A message (or an open request) at `at`, with the number's inactivity setting when known. */
export interface Activity {
  at: Date;
  closeAfterSeconds?: number;
  /** An inbound message: unread until someone reads the chat. */
  inbound?: boolean;
}

/** A chat whose number's setting is unknown (opened by a send) closes after 24 hours. */
export const DEFAULT_CLOSE_AFTER_SECONDS = 24 * 60 * 60;

export interface ChatFilters {
  channel?: Channel;
  memberId?: string;
  /** Only chats inserted before this sequence (the previous page's last one). */
  beforeSeq: string | null;
  limit: number;
}

export interface QueueFilters {
  channel?: Channel;
  memberId?: string;
  /** Only chats after this one in the queue (the previous page's last one). */
  after: WaitingCursor | null;
  limit: number;
}

/** A chat starting to wait: since when, why (a handoff's reason), and its holding message, if any is due. */
export interface Wait {
  since: Date;
  reason: string | null;
  holdingDueAt: Date | null;
  holdingMessage: string | null;
}

/** A holding message owed to a waiting chat. */
export interface DueHolding {
  id: string;
  workspaceId: string;
  phoneNumberId: string;
  memberId: string;
  channel: Channel;
  holdingMessage: string;
  waitingSince: Date;
}

/** What leaving the queue clears: a closed or answered chat waits no more and owes no holding message. */
const LEAVE_QUEUE = 'waiting_since = NULL, holding_due_at = NULL';

/**
 * The SET of a message at `at` (SQL): lastMessageAt moves forward only, and an open chat closes its
 * inactivity time (the number's setting `closeAfter` when the message brings one) after its latest message.
 */
export function touchedAt(at: string, closeAfter = 'NULL::integer'): string {
  // Qualified: the UPDATE may join rows with columns of the same names (a message's status).
  return `last_message_at = GREATEST(COALESCE(chats.last_message_at, ${at}), ${at}),
         close_after_seconds = COALESCE(${closeAfter}, chats.close_after_seconds),
         closes_at = CASE WHEN chats.status = 'open'
           THEN GREATEST(COALESCE(chats.last_message_at, ${at}), ${at}) + make_interval(secs => COALESCE(${closeAfter}, chats.close_after_seconds))
           ELSE chats.closes_at END`;
}

/** Chats, always looked up within a workspace. Methods taking a manager run inside the caller's transaction. */
@Injectable()
export class ChatsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  get(workspaceId: string, id: string, m: EntityManager = this.db.manager): Promise<ChatEntity | null> {
    return findOneRow(m, ChatEntity, { workspaceId, id });
  }

  private async mustGet(m: EntityManager, workspaceId: string, id: string): Promise<ChatEntity> {
    const chat = await this.get(workspaceId, id, m);
    if (!chat) throw new Error(`Chat ${id} vanished inside its transaction`);
    return chat;
  }

  /**
   * The open chat of the key, created if none. Concurrency-safe: the partial unique index makes
   * a racing insert do nothing, and the loop then reads the winner's chat. The open chat is
   * locked for the rest of the transaction, so a concurrent close waits for the message to land.
   * An open chat whose inactivity time has passed by `activity.at` is closed first (the sweeper
   * may not have reached it yet), and the message opens a new chat.
   */
  async openOrGet(
    m: EntityManager,
    key: ChatKey,
    openedBy: string,
    activity: Activity,
  ): Promise<{ chat: ChatEntity; created: boolean; closed: ChatEntity[] }> {
    const closed: ChatEntity[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      const open = await m
        .createQueryBuilder(ChatEntity, 'c')
        .where(
          'c.workspaceId = :workspaceId AND c.phoneNumberId = :phoneNumberId AND c.memberId = :memberId AND c.channel = :channel',
          key,
        )
        .andWhere(`c.status = 'open'`)
        .setLock('for_no_key_update')
        .getOne();
      if (open && open.closesAt && open.closesAt.getTime() <= activity.at.getTime()) {
        await m.query(
          `UPDATE chats SET status = 'closed', closed_at = closes_at, closed_reason = 'inactivity', ${LEAVE_QUEUE} WHERE id = $1 AND status = 'open'`,
          [open.id],
        );
        closed.push(await this.mustGet(m, key.workspaceId, open.id));
        continue;
      }
      if (open) return { chat: open, created: false, closed };
      const id = randomUUID();
      const closeAfter = activity.closeAfterSeconds ?? DEFAULT_CLOSE_AFTER_SECONDS;
      // The whole row back: no second read of the chat just inserted.
      const inserted: Array<Record<string, unknown>> = await m.query(
        `INSERT INTO chats (id, workspace_id, phone_number_id, member_id, channel, status, opened_by, close_after_seconds, closes_at)
         VALUES ($1, $2, $3, $4, $5, 'open', $6, $7::integer, $8::timestamptz + make_interval(secs => $7::integer))
         ON CONFLICT (workspace_id, phone_number_id, member_id, channel) WHERE status = 'open' DO NOTHING
         RETURNING *`,
        [
          id,
          key.workspaceId,
          key.phoneNumberId,
          key.memberId,
          key.channel,
          openedBy,
          closeAfter,
          activity.at,
        ],
      );
      if (inserted.length) return { chat: rowAs(m, ChatEntity, inserted[0]), created: true, closed };
    }
    // Only reachable if chats are opened and closed faster than we can read them.
    throw new Error('Could not settle the open chat after 5 attempts');
  }

  /**
   * The usual inbound message in one statement instead of a transaction of six: stored in the
   * key's open chat (locked, then touched) or in a new chat it opens (touched as it is inserted).
   * Null when this path does not settle it, having written nothing lasting: the message is stored
   * already, the open chat's inactivity time has passed, or a racing delivery won; the caller
   * then takes the transaction (openOrGet, insert, touch), which handles each of those.
   */
  async storeInbound(
    key: ChatKey,
    openedBy: string,
    activity: Activity,
    message: { id: string; body: string | null; media: string; twilioSid: string; choice: string | null },
  ): Promise<{ chat: ChatEntity; message: ChatMessageEntity; created: boolean } | null> {
    const m = this.db.manager;
    const chatId = randomUUID();
    const rows: Array<Record<string, unknown>> = await m.query(
      `WITH open AS (
         SELECT id, closes_at FROM chats
          WHERE workspace_id = $1 AND phone_number_id = $2 AND member_id = $3 AND channel = $4 AND status = 'open'
          FOR NO KEY UPDATE),
       fresh AS (
         INSERT INTO chats (id, workspace_id, phone_number_id, member_id, channel, status, opened_by,
                            close_after_seconds, closes_at, last_message_at, unread_count)
         SELECT $5::uuid, $1::uuid, $2::uuid, $3::uuid, $4::text, 'open', $6::text, $7::integer,
                $8::timestamptz + make_interval(secs => $7::integer), $8::timestamptz, 1
          WHERE NOT EXISTS (SELECT 1 FROM open)
            AND NOT EXISTS (SELECT 1 FROM chat_messages WHERE workspace_id = $1 AND twilio_sid = $11)
         ON CONFLICT (workspace_id, phone_number_id, member_id, channel) WHERE status = 'open' DO NOTHING
         RETURNING *),
       target AS (
         SELECT id FROM open WHERE closes_at IS NULL OR closes_at > $8::timestamptz
         UNION ALL SELECT id FROM fresh),
       stored AS (
         INSERT INTO chat_messages (id, workspace_id, chat_id, direction, body, media, status, twilio_sid, created_at, choice)
         SELECT $9::uuid, $1::uuid, target.id, 'inbound', $10::text, $12::jsonb, 'received', $11::text, $8::timestamptz, $13::jsonb
           FROM target
         ON CONFLICT (workspace_id, twilio_sid) WHERE twilio_sid IS NOT NULL DO NOTHING
         RETURNING *),
       touched AS (
         UPDATE chats SET
           last_message_at = GREATEST(COALESCE(last_message_at, $8), $8),
           unread_count = unread_count + 1,
           close_after_seconds = COALESCE($14::integer, close_after_seconds),
           closes_at = GREATEST(COALESCE(last_message_at, $8), $8) + make_interval(secs => COALESCE($14::integer, close_after_seconds))
         FROM stored WHERE chats.id = stored.chat_id AND chats.id IN (SELECT id FROM open)
         RETURNING chats.*),
       chat AS (SELECT * FROM touched UNION ALL SELECT * FROM fresh)
       SELECT ${columnsOf(m, ChatMessageEntity, 'stored', 'm_')}, ${columnsOf(m, ChatEntity, 'chat', 'c_')},
              EXISTS (SELECT 1 FROM fresh) AS created
         FROM chat LEFT JOIN stored ON true`,
      [
        key.workspaceId,
        key.phoneNumberId,
        key.memberId,
        key.channel,
        chatId,
        openedBy,
        activity.closeAfterSeconds ?? DEFAULT_CLOSE_AFTER_SECONDS,
        activity.at,
        message.id,
        message.body,
        message.twilioSid,
        message.media,
        message.choice,
        activity.closeAfterSeconds ?? null,
      ],
    );
    const row = rows[0];
    if (row && row.m_id !== null)
      return {
        chat: rowAs(m, ChatEntity, withoutPrefix(row, 'c_')),
        message: rowAs(m, ChatMessageEntity, withoutPrefix(row, 'm_')),
        created: row.created === true,
      };
    // A chat opened while a racing delivery stored the message: no message of ours is in it.
    if (row?.created)
      await m.query(
        `DELETE FROM chats WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM chat_messages WHERE chat_id = $1)`,
        [chatId],
      );
    return null;
  }

  /**
   * A message at `at`: lastMessageAt moves forward only (an older message arriving late does not
   * move it back), and an open chat now closes the inactivity time after its latest message (with
   * the number's setting when the message brings it). An inbound message also counts as unread
   * until someone reads the chat.
   */
  async touch(
    m: EntityManager,
    chatId: string,
    activity: Activity,
  ): Promise<Pick<ChatEntity, 'lastMessageAt' | 'unreadCount' | 'closeAfterSeconds' | 'closesAt'>> {
    const [rows] = await m.query<
      [
        Array<{ last_message_at: Date; unread_count: number; close_after_seconds: number; closes_at: Date }>,
        number,
      ]
    >(
      `UPDATE chats SET ${touchedAt('$2', '$3::integer')}, unread_count = unread_count + $4
       WHERE id = $1
       RETURNING last_message_at, unread_count, close_after_seconds, closes_at`,
      [chatId, activity.at, activity.closeAfterSeconds ?? null, activity.inbound ? 1 : 0],
    );
    // What changed, so a caller holding the chat need not read it again.
    const row = rows[0];
    return {
      lastMessageAt: row.last_message_at,
      unreadCount: row.unread_count,
      closeAfterSeconds: row.close_after_seconds,
      closesAt: row.closes_at,
    };
  }

  /** An open chat stays open its inactivity time from `activity.at` (a start counts as activity). */
  async touchOpen(m: EntityManager, chatId: string, activity: Activity): Promise<void> {
    await m.query(
      `UPDATE chats SET
         close_after_seconds = COALESCE($3::integer, close_after_seconds),
         closes_at = GREATEST(closes_at, $2::timestamptz + make_interval(secs => COALESCE($3::integer, close_after_seconds)))
       WHERE id = $1 AND status = 'open'`,
      [chatId, activity.at, activity.closeAfterSeconds ?? null],
    );
  }

  list(workspaceId: string, f: ChatFilters): Promise<ChatEntity[]> {
    const q = this.db.manager
      .createQueryBuilder(ChatEntity, 'c')
      .where('c.workspaceId = :workspaceId', { workspaceId });
    if (f.channel) q.andWhere('c.channel = :channel', { channel: f.channel });
    if (f.memberId) q.andWhere('c.memberId = :memberId', { memberId: f.memberId });
    if (f.beforeSeq) q.andWhere('c.seq < :beforeSeq', { beforeSeq: f.beforeSeq });
    return q.orderBy('c.seq', 'DESC').limit(f.limit).getMany();
  }

  /** The queue: open chats waiting for a person, the longest waiting first (ties by arrival). */
  queue(workspaceId: string, f: QueueFilters): Promise<ChatEntity[]> {
    const q = this.db.manager
      .createQueryBuilder(ChatEntity, 'c')
      .where(`c.workspaceId = :workspaceId AND c.status = 'open' AND c.waitingSince IS NOT NULL`, {
        workspaceId,
      });
    if (f.channel) q.andWhere('c.channel = :channel', { channel: f.channel });
    if (f.memberId) q.andWhere('c.memberId = :memberId', { memberId: f.memberId });
    if (f.after)
      q.andWhere('(c.waiting_since, c.seq) > (:since, :seq)', { since: f.after.since, seq: f.after.seq });
    return q.orderBy('c.waitingSince', 'ASC').addOrderBy('c.seq', 'ASC').limit(f.limit).getMany();
  }

  /**
   * Puts an open chat nobody holds in the queue; null when it is held, waiting already or closed.
   * Runs in the caller's transaction when given one (an inbound message on a human-mode number).
   */
  async enqueue(
    workspaceId: string,
    id: string,
    wait: Wait,
    m: EntityManager = this.db.manager,
  ): Promise<ChatEntity | null> {
    const [rows] = await m.query<[Array<{ id: string }>, number]>(
      `UPDATE chats SET waiting_since = $3, handoff_reason = $4, holding_due_at = $5, holding_message = $6,
         holding_sent_at = NULL
       WHERE workspace_id = $1 AND id = $2 AND status = 'open' AND held_by IS NULL AND waiting_since IS NULL
       RETURNING id`,
      [workspaceId, id, wait.since, wait.reason, wait.holdingDueAt, wait.holdingMessage],
    );
    return rows.length ? this.get(workspaceId, id, m) : null;
  }

  /** A person answered: the chat leaves the queue (and owes no holding message); null when it was not waiting. */
  async leaveQueue(m: EntityManager, workspaceId: string, id: string): Promise<ChatEntity | null> {
    const [rows] = await m.query<[Array<{ id: string }>, number]>(
      `UPDATE chats SET ${LEAVE_QUEUE} WHERE workspace_id = $1 AND id = $2 AND waiting_since IS NOT NULL RETURNING id`,
      [workspaceId, id],
    );
    return rows.length ? this.get(workspaceId, id, m) : null;
  }

  /** Assigns the chat to a person or nobody; null when nothing changed (the same person, or a closed chat). */
  async assign(
    workspaceId: string,
    id: string,
    assignee: { actor: string; name: string } | null,
  ): Promise<ChatEntity | null> {
    return this.changed(
      `UPDATE chats SET assigned_to = $3, assigned_to_name = $4
       WHERE workspace_id = $1 AND id = $2 AND assigned_to IS DISTINCT FROM $3
         AND (status = 'open' OR $3::text IS NULL) RETURNING id`,
      [workspaceId, id, assignee?.actor ?? null, assignee?.name ?? null],
      workspaceId,
    );
  }

  /**
   * Runs `send` with up to `limit` waiting chats whose holding message is due and not sent, rows
   * locked (another replica's sweep skips them), then marks them sent, in one transaction: each
   * wait's holding message goes out once, also across replicas. A crash after `send` and before
   * the commit sends again under the same keys, which outbound de-duplicates.
   */
  async claimDueHoldings(limit: number, send: (due: DueHolding[]) => Promise<void>): Promise<number> {
    return this.db.transaction(async (m) => {
      const rows: Array<{
        id: string;
        workspace_id: string;
        phone_number_id: string;
        member_id: string;
        channel: Channel;
        holding_message: string;
        waiting_since: Date;
      }> = await m.query(
        `SELECT id, workspace_id, phone_number_id, member_id, channel, holding_message, waiting_since FROM chats
         WHERE holding_due_at <= now() AND holding_sent_at IS NULL AND holding_message IS NOT NULL
           AND status = 'open' AND waiting_since IS NOT NULL AND held_by IS NULL
         ORDER BY holding_due_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      if (!rows.length) return 0;
      await send(
        rows.map((r) => ({
          id: r.id,
          workspaceId: r.workspace_id,
          phoneNumberId: r.phone_number_id,
          memberId: r.member_id,
          channel: r.channel,
          holdingMessage: r.holding_message,
          waitingSince: r.waiting_since,
        })),
      );
      await m.query(`UPDATE chats SET holding_sent_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((r) => r.id),
      ]);
      return rows.length;
    });
  }

  /**
   * Closes the chat; closing a closed chat changes nothing (`closedNow` false). Null when the
   * workspace has no such chat. Waits for a message being stored in it to land first.
   */
  async close(
    workspaceId: string,
    id: string,
    reason: Exclude<ChatClosedReason, 'inactivity'>,
  ): Promise<{ chat: ChatEntity; closedNow: boolean } | null> {
    // A CTE so the driver returns the rows (a bare UPDATE ... RETURNING comes back as [rows, count]).
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH closed AS (
         UPDATE chats SET status = 'closed', closed_at = now(), closed_reason = $3, ${LEAVE_QUEUE}
         WHERE workspace_id = $1 AND id = $2 AND status = 'open' RETURNING id)
       SELECT id FROM closed`,
      [workspaceId, id, reason],
    );
    const chat = await this.get(workspaceId, id);
    return chat ? { chat, closedNow: rows.length > 0 } : null;
  }

  /**
   * Closes up to `limit` open chats whose inactivity time has passed, oldest first. A chat whose
   * message is being stored right now is locked and skipped (that message keeps it open); two
   * replicas sweeping at once close each chat once.
   */
  async closeInactive(limit: number): Promise<ChatEntity[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `WITH closed AS (
         UPDATE chats SET status = 'closed', closed_at = closes_at, closed_reason = 'inactivity', ${LEAVE_QUEUE}
         WHERE id IN (
           SELECT id FROM chats WHERE status = 'open' AND closes_at <= now()
           ORDER BY closes_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         AND status = 'open' AND closes_at <= now()
         RETURNING id)
       SELECT id FROM closed`,
      [limit],
    );
    if (!rows.length) return [];
    return this.db.manager.findBy(ChatEntity, { id: In(rows.map((r) => r.id)) });
  }

  /** Closed chats whose chat.closed event is not published yet (a crash between close and publish). */
  unpublishedCloses(limit: number): Promise<ChatEntity[]> {
    return this.db.manager
      .createQueryBuilder(ChatEntity, 'c')
      .where(`c.status = 'closed' AND c.closePublishedAt IS NULL`)
      .orderBy('c.closedAt', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Runs `publish` with those of `ids` whose chat.closed is still owed and no one else is
   * publishing (rows locked, others skipped), then marks them published, in one transaction.
   */
  async claimUnpublishedCloses(ids: string[], publish: (ids: string[]) => Promise<void>): Promise<void> {
    await this.db.transaction(async (m) => {
      const rows: Array<{ id: string }> = await m.query(
        `SELECT id FROM chats WHERE id = ANY($1::uuid[]) AND status = 'closed' AND close_published_at IS NULL
         FOR UPDATE SKIP LOCKED`,
        [ids],
      );
      if (!rows.length) return;
      const claimed = rows.map((r) => r.id);
      await publish(claimed);
      await m.query(`UPDATE chats SET close_published_at = now() WHERE id = ANY($1::uuid[])`, [claimed]);
    });
  }

  /** Gives the open chat to a person if nobody holds it (it leaves the queue); null when nothing changed. */
  async takeOver(
    workspaceId: string,
    id: string,
    agent: { actor: string; name: string },
  ): Promise<ChatEntity | null> {
    return this.changed(
      `UPDATE chats SET held_by = $3, held_by_name = $4, held_since = now(), waiting_since = NULL,
         holding_due_at = NULL
       WHERE workspace_id = $1 AND id = $2 AND status = 'open' AND held_by IS NULL RETURNING id`,
      [workspaceId, id, agent.actor, agent.name],
      workspaceId,
    );
  }

  /** Takes the chat back from the person holding it; null when they do not hold it. */
  async handBack(workspaceId: string, id: string, actor: string): Promise<ChatEntity | null> {
    return this.changed(
      `UPDATE chats SET held_by = NULL, held_by_name = NULL, held_since = NULL, handoff_reason = NULL
       WHERE workspace_id = $1 AND id = $2 AND held_by = $3 RETURNING id`,
      [workspaceId, id, actor],
      workspaceId,
    );
  }

  async markRead(workspaceId: string, id: string): Promise<ChatEntity | null> {
    return this.changed(
      `UPDATE chats SET unread_count = 0 WHERE workspace_id = $1 AND id = $2 AND unread_count > 0 RETURNING id`,
      [workspaceId, id],
      workspaceId,
    );
  }

  /** Runs an UPDATE ... RETURNING id and reads the chat it changed, or null when it changed none. */
  private async changed(sql: string, params: unknown[], workspaceId: string): Promise<ChatEntity | null> {
    const [rows] = await this.db.query<[Array<{ id: string }>, number]>(sql, params);
    return rows.length ? this.get(workspaceId, rows[0].id) : null;
  }
}
