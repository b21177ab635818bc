import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@app/persistence';
import type { OutboundMessageUpdated } from '@app/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { chatsOpened, messagesStored } from '../chats-metrics';
import { ChatClosedPublisher } from '../lifecycle/chat-closed.publisher';
import type { ChatEntity } from '../store/chat.entity';
import type { ChatMessageEntity } from '../store/chat-message.entity';
import { ChatsRepository } from '../store/chats.repository';
import { MessagesRepository, type MessagePatch, type NewOutbound } from '../store/messages.repository';
import { answersWaitingChat, nextStatus } from '@app/rules';

/** `leftQueue`: the chat, when this send was a person's answer that took it out of the queue. */
export type OutboundOutcome =
  | {
      outcome: 'created';
      message: ChatMessageEntity;
      /** The chat as this transaction left it (touched; out of the queue when it left it). */
      chat: ChatEntity;
      chatCreated: boolean;
      closed: ChatEntity[];
      leftQueue: ChatEntity | null;
    }
  | {
      outcome: 'updated';
      message: ChatMessageEntity;
      leftQueue: ChatEntity | null;
      /** The message's chat, when the update read it already. */
      chat?: ChatEntity | null;
    }
  | { outcome: 'unchanged'; message: ChatMessageEntity }
  /** A send to an address, with no member or chat: nothing to show in a chat. */
  | { outcome: 'no_chat' };

class RaceLost extends Error {}

/** Keeps an outbound message in its chat in step with outbound's status changes for the send. */
@Injectable()
export class RecordOutboundUpdateUseCase {
  private readonly logger = new Logger('RecordOutboundUpdate');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chats: ChatsRepository,
    private readonly messages: MessagesRepository,
    private readonly closes: ChatClosedPublisher,
  ) {}

  async execute(update: OutboundMessageUpdated): Promise<OutboundOutcome> {
    const settled = await this.settleInOneStatement(update);
    if (settled) return settled;
    try {
      const outcome = await this.db.transaction((m) => this.apply(m, update, true));
      if (outcome.outcome === 'created' && outcome.closed.length) await this.closes.closed(outcome.closed);
      return outcome;
    } catch (error) {
      if (!(error instanceof RaceLost)) throw error;
      // Another replica inserted this send's message first; now it exists, apply the update to it.
      return this.db.transaction((m) => this.apply(m, update, false));
    }
  }

  /**
   * The usual updates in one statement each instead of a transaction: a send's first update
   * (pending, queued) stores its message in the chat it names, a later one (Twilio's sent,
   * delivered, read) moves the stored message. Not for a person's answer that takes a chat out of
   * the queue (that must commit with the status). Null: the transaction below decides (a chat to
   * open, a message stored already or not yet, or nothing changed).
   */
  private async settleInOneStatement(u: OutboundMessageUpdated): Promise<OutboundOutcome | null> {
    if (answersWaitingChat({ originService: u.origin.service, status: u.status })) return null;
    if (u.status === 'pending' || u.status === 'queued') return this.insertInNamedChat(u);
    const advanced = await this.messages.advanceBySendId(u.workspaceId, u.sendId, {
      status: u.status,
      errorCode: u.errorCode,
      errorReason: u.reason,
      twilioSid: u.twilioSid,
      body: u.body,
      contentSid: u.contentSid,
    });
    return advanced ? { outcome: 'updated', ...advanced, leftQueue: null } : null;
  }

  private async insertInNamedChat(u: OutboundMessageUpdated): Promise<OutboundOutcome | null> {
    if (!u.chatId) return null;
    const stored = await this.messages.insertOutboundInChat({ ...newOutbound(u), chatId: u.chatId });
    if (!stored) return null;
    messagesStored.inc({ direction: 'outbound', channel: stored.chat.channel });
    return { outcome: 'created', ...stored, chatCreated: false, closed: [], leftQueue: null };
  }

  private async apply(
    m: EntityManager,
    u: OutboundMessageUpdated,
    mayInsert: boolean,
  ): Promise<OutboundOutcome> {
    const existing = await this.messages.findBySendIdForUpdate(m, u.workspaceId, u.sendId);
    if (existing) return this.advance(m, existing, u);
    if (!mayInsert) throw new Error(`The message of send ${u.sendId} vanished`);
    const place = await this.chatFor(m, u);
    if (!place) return { outcome: 'no_chat' };
    const outbound = { ...newOutbound(u), chatId: place.chat.id };
    const message = await this.messages.insertOutbound(m, outbound);
    if (!message) throw new RaceLost();
    Object.assign(place.chat, await this.chats.touch(m, place.chat.id, { at: outbound.occurredAt }));
    if (place.created) chatsOpened.inc({ channel: place.chat.channel, origin: 'send' });
    messagesStored.inc({ direction: 'outbound', channel: place.chat.channel });
    const leftQueue = await this.answered(m, u, message, u.status);
    return {
      outcome: 'created',
      message,
      chat: leftQueue ?? place.chat,
      chatCreated: place.created,
      closed: place.closed,
      leftQueue,
    };
  }

  /** Applies a status that moves the message forward; fills what earlier updates did not know yet. */
  private async advance(
    m: EntityManager,
    message: ChatMessageEntity,
    u: OutboundMessageUpdated,
  ): Promise<OutboundOutcome> {
    const status = nextStatus(message.status, u.status);
    const patch: MessagePatch = {};
    if (status !== message.status) {
      patch.status = status;
      // The error belongs to the status that carried it: a delivery after a failure clears it.
      patch.errorCode = u.errorCode;
      patch.errorReason = u.reason;
    }
    if (!message.twilioSid && u.twilioSid) patch.twilioSid = u.twilioSid;
    if (message.body === null && u.body !== null) patch.body = u.body;
    if (message.contentSid === null && u.contentSid !== null) patch.contentSid = u.contentSid;
    if (Object.keys(patch).length === 0) return { outcome: 'unchanged', message };
    await this.messages.update(m, message.workspaceId, message.id, patch);
    const leftQueue = patch.status ? await this.answered(m, u, message, patch.status) : null;
    return { outcome: 'updated', message: Object.assign(message, patch), leftQueue };
  }

  /** A person's answer takes a waiting chat out of the queue. */
  private answered(
    m: EntityManager,
    u: OutboundMessageUpdated,
    message: ChatMessageEntity,
    status: string,
  ): Promise<ChatEntity | null> {
    if (!answersWaitingChat({ originService: u.origin.service, status })) return Promise.resolve(null);
    return this.chats.leaveQueue(m, message.workspaceId, message.chatId);
  }

  /** The send's chat: the one it names, else the member's open chat (a send the system starts opens one). */
  private async chatFor(
    m: EntityManager,
    u: OutboundMessageUpdated,
  ): Promise<{ chat: ChatEntity; created: boolean; closed: ChatEntity[] } | null> {
    if (u.chatId) {
      const chat = await this.chats.get(u.workspaceId, u.chatId, m);
      if (chat) return { chat, created: false, closed: [] };
      this.logger.warn(
        `Send ${u.sendId} names chat ${u.chatId}, which its workspace does not have; using the member's open chat`,
      );
    }
    if (!u.memberId) return null;
    return this.chats.openOrGet(
      m,
      {
        workspaceId: u.workspaceId,
        phoneNumberId: u.phoneNumberId,
        memberId: u.memberId,
        channel: u.channel,
      },
      `send:${u.sendId}`,
      { at: new Date(u.occurredAt) },
    );
  }
}

/** The message a send's update stores (in the chat the caller settles). */
function newOutbound(u: OutboundMessageUpdated): Omit<NewOutbound, 'chatId'> {
  return {
    workspaceId: u.workspaceId,
    sendId: u.sendId,
    body: u.body,
    // Media we send by URL: Twilio fetches it, so its type is not known here.
    media: u.mediaUrls.map((url) => ({ url, contentType: '' })),
    interactive: u.interactive,
    contentSid: u.contentSid,
    status: u.status,
    errorCode: u.errorCode,
    errorReason: u.reason,
    twilioSid: u.twilioSid,
    occurredAt: new Date(u.occurredAt),
  };
}
