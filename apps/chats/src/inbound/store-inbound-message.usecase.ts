import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@app/persistence';
import type { Media, MessageAccepted } from '@app/contracts';
import { entersQueueOnInbound, holdingDueAt, parseInactivityCloseAfter } from '@app/rules';
import type { DataSource, EntityManager } from 'typeorm';
import { chatsOpened, chatsQueued, messagesStored } from '../chats-metrics';
import { ChatClosedPublisher } from '../lifecycle/chat-closed.publisher';
import { MediaIntake } from '../media/media-intake';
import type { ChatEntity } from '../store/chat.entity';
import type { ChatMessageEntity } from '../store/chat-message.entity';
import { ChatsRepository } from '../store/chats.repository';
import { MessagesRepository } from '../store/messages.repository';

export interface StoredInbound {
  chat: ChatEntity;
  message: ChatMessageEntity;
  /** This message opened the chat (the same answer on every redelivery). */
  chatCreated: boolean;
  /** False when the message was already stored (a redelivery or a Twilio retry). */
  stored: boolean;
  /** Chats this message found past their inactivity time and closed (the message opened a new one). */
  closed?: ChatEntity[];
  /** This message put the chat in the queue (a number in human mode). */
  queued?: boolean;
}

/** Thrown inside the transaction when another delivery stored the message first: roll back the chat we may have opened. */
class AlreadyStored extends Error {}

/** Puts an accepted inbound message in the member's open chat for its number and channel. */
@Injectable()
export class StoreInboundMessageUseCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chats: ChatsRepository,
    private readonly messages: MessagesRepository,
    private readonly closes: ChatClosedPublisher,
    @Inject(MediaIntake) private readonly media: MediaIntake,
  ) {}

  async execute(accepted: MessageAccepted): Promise<StoredInbound> {
    // A redelivery without media is told by the insert itself (AlreadyStored below, the
    // transaction rolled back): one read less for every message. With media, looking first
    // saves fetching the files again.
    if (accepted.media.length) {
      const existing = await this.existing(accepted);
      if (existing) return existing;
    }
    // Files are fetched before the transaction (a redelivery fetches them again into the same keys).
    const media = await this.media.keep({
      workspaceId: accepted.workspace.id,
      twilioSid: accepted.twilioSid,
      channel: accepted.channel,
      media: accepted.media,
    });
    const fast = await this.storeUsual(accepted, media);
    if (fast) return fast;
    try {
      const result = await this.db.transaction(async (m) => {
        const key = {
          workspaceId: accepted.workspace.id,
          phoneNumberId: accepted.phoneNumber.id,
          memberId: accepted.member.id,
          channel: accepted.channel,
        };
        const receivedAt = new Date(accepted.receivedAt);
        const activity = { at: receivedAt, closeAfterSeconds: closeAfterOf(accepted) };
        const { chat, created, closed } = await this.chats.openOrGet(
          m,
          key,
          openedBy(accepted.twilioSid),
          activity,
        );
        const message = await this.messages.insertInbound(m, {
          workspaceId: key.workspaceId,
          chatId: chat.id,
          body: accepted.body,
          media,
          choice: accepted.choice,
          twilioSid: accepted.twilioSid,
          receivedAt,
        });
        if (!message) throw new AlreadyStored();
        Object.assign(chat, await this.chats.touch(m, chat.id, { ...activity, inbound: true }));
        const queued =
          entersQueueOnInbound(accepted.phoneNumber.workMode, chat) &&
          (await this.enqueue(m, accepted, chat)) !== null;
        return { chat, message, chatCreated: created, stored: true, closed, queued };
      });
      if (result.closed.length) await this.closes.closed(result.closed);
      if (result.chatCreated) chatsOpened.inc({ channel: accepted.channel, origin: 'inbound' });
      if (result.queued) chatsQueued.inc({ channel: accepted.channel, cause: 'human_mode' });
      messagesStored.inc({ direction: 'inbound', channel: accepted.channel });
      return result;
    } catch (error) {
      if (!(error instanceof AlreadyStored)) throw error;
      const stored = await this.existing(accepted);
      if (!stored) throw new Error('An inbound message was reported stored but cannot be read');
      return stored;
    }
  }

  /**
   * The usual message in one statement (see ChatsRepository.storeInbound); null for the
   * transaction below: a number in human mode (the chat may enter the queue), a chat past its
   * inactivity time, a message stored already.
   */
  private async storeUsual(accepted: MessageAccepted, media: Media[]): Promise<StoredInbound | null> {
    if (accepted.phoneNumber.workMode === 'human') return null;
    const receivedAt = new Date(accepted.receivedAt);
    const stored = await this.chats.storeInbound(
      {
        workspaceId: accepted.workspace.id,
        phoneNumberId: accepted.phoneNumber.id,
        memberId: accepted.member.id,
        channel: accepted.channel,
      },
      openedBy(accepted.twilioSid),
      { at: receivedAt, closeAfterSeconds: closeAfterOf(accepted) },
      {
        id: randomUUID(),
        body: accepted.body,
        media: JSON.stringify(media),
        twilioSid: accepted.twilioSid,
        choice: accepted.choice ? JSON.stringify(accepted.choice) : null,
      },
    );
    if (!stored) return null;
    if (stored.created) chatsOpened.inc({ channel: accepted.channel, origin: 'inbound' });
    messagesStored.inc({ direction: 'inbound', channel: accepted.channel });
    return {
      chat: stored.chat,
      message: stored.message,
      chatCreated: stored.created,
      stored: true,
      closed: [],
    };
  }

  /** Human mode: the chat waits for a person, with the number's holding message due after its timeout. */
  private enqueue(m: EntityManager, accepted: MessageAccepted, chat: ChatEntity): Promise<ChatEntity | null> {
    const since = new Date();
    const due = holdingDueAt(since, accepted.phoneNumber);
    return this.chats.enqueue(
      chat.workspaceId,
      chat.id,
      {
        since,
        reason: null,
        holdingDueAt: due,
        holdingMessage: due ? accepted.phoneNumber.holdingMessage : null,
      },
      m,
    );
  }

  private async existing(accepted: MessageAccepted): Promise<StoredInbound | null> {
    const message = await this.messages.findByTwilioSid(accepted.workspace.id, accepted.twilioSid);
    if (!message) return null;
    const chat = await this.chats.get(accepted.workspace.id, message.chatId);
    if (!chat) throw new Error(`Chat ${message.chatId} of a stored message is missing`);
    return { chat, message, chatCreated: chat.openedBy === openedBy(accepted.twilioSid), stored: false };
  }
}

const openedBy = (twilioSid: string) => `inbound:${twilioSid}`;

/** The number's inactivity setting as routing sent it (validated by the contract). */
function closeAfterOf(accepted: MessageAccepted): number | undefined {
  const parsed = parseInactivityCloseAfter(accepted.phoneNumber.inactivityCloseAfter);
  return 'seconds' in parsed ? parsed.seconds : undefined;
}
