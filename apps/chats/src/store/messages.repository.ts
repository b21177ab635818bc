import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { columnsOf, findOneRow, InjectDataSource, rowAs, withoutPrefix } from '@app/persistence';
import type { Choice, Interactive, Media, MessageStatus, SendStatus } from '@app/contracts';
import { statusesBefore } from '@app/rules';
import type { DataSource, EntityManager } from 'typeorm';
import { ChatMessageEntity } from './chat-message.entity';
import { ChatEntity } from './chat.entity';
import { touchedAt } from './chats.repository';

export interface NewInbound {
  workspaceId: string;
  chatId: string;
  body: string;
  media: Media[];
  /** The button or list item the message is the press of. */
  choice?: Choice;
  twilioSid: string;
  receivedAt: Date;
}

export interface NewOutbound {
  workspaceId: string;
  chatId: string;
  sendId: string;
  body: string | null;
  media: Media[];
  /** The buttons or list the message offered. */
  interactive?: Interactive;
  contentSid: string | null;
  status: MessageStatus;
  errorCode: string | null;
  errorReason: string | null;
  twilioSid: string | null;
  occurredAt: Date;
}

export type MessagePatch = Partial<
  Pick<ChatMessageEntity, 'status' | 'errorCode' | 'errorReason' | 'twilioSid' | 'body' | 'contentSid'>
>;

/** Chat messages, always looked up within a workspace. */
@Injectable()
export class MessagesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByTwilioSid(workspaceId: string, twilioSid: string): Promise<ChatMessageEntity | null> {
    return findOneRow(this.db.manager, ChatMessageEntity, { workspaceId, twilioSid });
  }

  /** The outbound message of a send, locked until the transaction ends (updates of one send apply one at a time). */
  findBySendIdForUpdate(
    m: EntityManager,
    workspaceId: string,
    sendId: string,
  ): Promise<ChatMessageEntity | null> {
    return findOneRow(m, ChatMessageEntity, { workspaceId, sendId }, 'FOR UPDATE');
  }

  /** Inserts an inbound message; null when its Twilio SID is already stored (a redelivery). */
  async insertInbound(m: EntityManager, n: NewInbound): Promise<ChatMessageEntity | null> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `INSERT INTO chat_messages (id, workspace_id, chat_id, direction, body, media, status, twilio_sid, created_at, choice)
       VALUES ($1, $2, $3, 'inbound', $4, $5, 'received', $6, $7, $8)
       ON CONFLICT (workspace_id, twilio_sid) WHERE twilio_sid IS NOT NULL DO NOTHING
       RETURNING *`,
      [
        randomUUID(),
        n.workspaceId,
        n.chatId,
        n.body,
        JSON.stringify(n.media),
        n.twilioSid,
        n.receivedAt,
        n.choice ? JSON.stringify(n.choice) : null,
      ],
    );
    return rows[0] ? rowAs(m, ChatMessageEntity, rows[0]) : null;
  }

  /** Inserts an outbound message; null when its send is already stored (a concurrent insert won). */
  async insertOutbound(m: EntityManager, n: NewOutbound): Promise<ChatMessageEntity | null> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `INSERT INTO chat_messages (id, workspace_id, chat_id, direction, body, content_sid, status, error_code, error_reason, twilio_sid, send_id, created_at, media, interactive)
       VALUES ($1, $2, $3, 'outbound', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (workspace_id, send_id) WHERE send_id IS NOT NULL DO NOTHING
       RETURNING *`,
      outboundParams(n),
    );
    return rows[0] ? rowAs(m, ChatMessageEntity, rows[0]) : null;
  }

  /**
   * A send's first update in one statement instead of a transaction of six: the message stored in
   * the chat the send names (of its workspace) and the chat touched, both returned as they are
   * now. Null when this path does not settle it, having written nothing: the workspace has no such
   * chat, or the send's message is stored already (a redelivery or a racing replica); the caller
   * then takes the transaction, which handles each of those.
   */
  async insertOutboundInChat(
    n: NewOutbound,
  ): Promise<{ message: ChatMessageEntity; chat: ChatEntity } | null> {
    const m = this.db.manager;
    const rows = await m.query<Array<Record<string, unknown>>>(
      `WITH stored AS (
         INSERT INTO chat_messages (id, workspace_id, chat_id, direction, body, content_sid, status, error_code, error_reason, twilio_sid, send_id, created_at, media, interactive)
         SELECT $1::uuid, $2::uuid, c.id, 'outbound', $4::text, $5::text, $6::text, $7::text, $8::text, $9::text, $10::uuid, $11::timestamptz, $12::jsonb, $13::jsonb
           FROM chats c WHERE c.workspace_id = $2 AND c.id = $3
         ON CONFLICT (workspace_id, send_id) WHERE send_id IS NOT NULL DO NOTHING
         RETURNING *),
       touched AS (
         UPDATE chats SET ${touchedAt('$11::timestamptz')}
           FROM stored WHERE chats.id = stored.chat_id
         RETURNING chats.*)
       SELECT ${columnsOf(m, ChatMessageEntity, 'stored', 'm_')}, ${columnsOf(m, ChatEntity, 'touched', 'c_')}
         FROM stored JOIN touched ON true`,
      outboundParams(n),
    );
    if (!rows.length) return null;
    return {
      message: rowAs(m, ChatMessageEntity, withoutPrefix(rows[0], 'm_')),
      chat: rowAs(m, ChatEntity, withoutPrefix(rows[0], 'c_')),
    };
  }

  /**
   * A send's status on its stored message in one statement: the status moves forward only (its
   * error with it), and a SID, body or content it lacks is filled in. The row lock of the UPDATE
   * orders concurrent updates of the send. Null when the send has no message yet or nothing moved.
   */
  async advanceBySendId(
    workspaceId: string,
    sendId: string,
    u: {
      status: SendStatus;
      errorCode: string | null;
      errorReason: string | null;
      twilioSid: string | null;
      body: string | null;
      contentSid: string | null;
    },
  ): Promise<{ message: ChatMessageEntity; chat: ChatEntity | null } | null> {
    const m = this.db.manager;
    // With the message's chat as it is (the activity event shows both): no second read.
    const rows = await m.query<Array<Record<string, unknown>>>(
      `WITH moved AS (UPDATE chat_messages SET
         status = CASE WHEN status = ANY($3::text[]) THEN $4::text ELSE status END,
         error_code = CASE WHEN status = ANY($3::text[]) THEN $5::text ELSE error_code END,
         error_reason = CASE WHEN status = ANY($3::text[]) THEN $6::text ELSE error_reason END,
         twilio_sid = COALESCE(twilio_sid, $7::text),
         body = COALESCE(body, $8::text),
         content_sid = COALESCE(content_sid, $9::text),
         updated_at = now()
       WHERE workspace_id = $1 AND send_id = $2
         AND (status = ANY($3::text[]) OR (twilio_sid IS NULL AND $7::text IS NOT NULL)
              OR (body IS NULL AND $8::text IS NOT NULL) OR (content_sid IS NULL AND $9::text IS NOT NULL))
       RETURNING *)
       SELECT ${columnsOf(m, ChatMessageEntity, 'moved', 'm_')}, ${columnsOf(m, ChatEntity, 'c', 'c_')}
         FROM moved LEFT JOIN chats c ON c.id = moved.chat_id`,
      [
        workspaceId,
        sendId,
        statusesBefore(u.status),
        u.status,
        u.errorCode,
        u.errorReason,
        u.twilioSid,
        u.body,
        u.contentSid,
      ],
    );
    if (!rows.length) return null;
    const message = rowAs(m, ChatMessageEntity, withoutPrefix(rows[0], 'm_'));
    const chat = rows[0].c_id === null ? null : rowAs(m, ChatEntity, withoutPrefix(rows[0], 'c_'));
    return { message, chat };
  }

  async update(m: EntityManager, workspaceId: string, id: string, patch: MessagePatch): Promise<void> {
    await m.update(ChatMessageEntity, { workspaceId, id }, { ...patch, updatedAt: new Date() });
  }

  /** A chat's messages in order: time, then insertion order for messages with the same time. */
  list(
    workspaceId: string,
    chatId: string,
    afterSeq: string | null,
    limit: number,
  ): Promise<ChatMessageEntity[]> {
    const q = this.db.manager
      .createQueryBuilder(ChatMessageEntity, 'msg')
      .where('msg.workspaceId = :workspaceId AND msg.chatId = :chatId', { workspaceId, chatId });
    if (afterSeq) {
      // Keyset on (created_at, seq), read from the cursor's own row so no timestamp precision is lost.
      q.andWhere(
        '(msg.created_at, msg.seq) > (SELECT p.created_at, p.seq FROM chat_messages p WHERE p.workspace_id = :workspaceId AND p.chat_id = :chatId AND p.seq = :afterSeq)',
        { afterSeq },
      );
    }
    return q.orderBy('msg.createdAt', 'ASC').addOrderBy('msg.seq', 'ASC').limit(limit).getMany();
  }

  /** A chat's newest `limit` messages, in the order they happened (an agent's history). */
  async newest(workspaceId: string, chatId: string, limit: number): Promise<ChatMessageEntity[]> {
    const rows = await this.db.manager
      .createQueryBuilder(ChatMessageEntity, 'msg')
      .where('msg.workspaceId = :workspaceId AND msg.chatId = :chatId', { workspaceId, chatId })
      .orderBy('msg.createdAt', 'DESC')
      .addOrderBy('msg.seq', 'DESC')
      .limit(limit)
      .getMany();
    return rows.reverse();
  }
}

/** The 13 parameters of an outbound message's insert, in the order both inserts above name them. */
function outboundParams(n: NewOutbound): unknown[] {
  return [
    randomUUID(),
    n.workspaceId,
    n.chatId,
    n.body,
    n.contentSid,
    n.status,
    n.errorCode,
    n.errorReason,
    n.twilioSid,
    n.sendId,
    n.occurredAt,
    JSON.stringify(n.media),
    n.interactive ? JSON.stringify(n.interactive) : null,
  ];
}
