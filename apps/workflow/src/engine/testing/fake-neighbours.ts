import { randomInt, randomUUID } from 'node:crypto';
import {
  CheckSend,
  CloseChat,
  GetChat,
  HandOffChat,
  ListChatMessages,
  OpenChat,
  Send,
  SendRequested,
  ShowTyping,
  type Channel,
  type Chat,
  type ChatMessage,
  type ChatTurnReady,
  type Media,
  type Member,
  type PhoneNumber,
  type SendRequest,
  type WorkspaceSummary,
} from '@app/contracts';
import { decideSend } from '@app/rules';
import { aChat, aMember, aPhoneNumber, aWorkspace, type NatsTestClient } from '@app/testing';

/**
 * Chats, preferences and outbound as the engine meets them over NATS: real responders over
 * in-memory records. Chats stores an inbound message before its turn is published, as the real
 * chats service does.
 */
export class EngineNeighbours {
  readonly messages = new Map<string, ChatMessage[]>();
  readonly chats = new Map<string, Chat>();
  readonly optedOut = new Set<string>();
  readonly sendRequests: SendRequest[] = [];
  readonly closed: string[] = [];
  /** Handoffs chats was asked for (the chat then waits in the queue). */
  readonly handoffs: Array<{ chatId: string; reason: string; holding: unknown }> = [];
  readonly published: Array<SendRequest>;
  /** Typing indicators asked of outbound. */
  readonly typing: Array<{ messageSid: string; channel: string }> = [];
  /** Chats whose messages chats was asked for (ListChatMessages). */
  readonly listed: string[] = [];

  private constructor(private readonly nats: NatsTestClient) {
    this.published = nats.collect(SendRequested);
  }

  static start(nats: NatsTestClient): EngineNeighbours {
    const fake = new EngineNeighbours(nats);
    fake.answer();
    return fake;
  }

  workspace(features: Array<'whatsapp'> = ['whatsapp']): WorkspaceSummary {
    return aWorkspace(features, { name: `Acme ${randomInt(1000, 9999)}` });
  }

  number(workspaceId: string, fields: Partial<PhoneNumber> = {}): PhoneNumber {
    return aPhoneNumber(workspaceId, fields);
  }

  member(workspaceId: string, fields: Partial<Member> = {}): Member {
    return aMember(workspaceId, { firstName: 'Zoë', lastName: 'Quinn', notifyWhatsapp: true, ...fields });
  }

  /** Stores a message in a chat (as chats does) and returns it. */
  store(
    chatId: string,
    fields: { direction: 'inbound' | 'outbound'; body: string | null; twilioSid?: string; media?: Media[] },
  ): ChatMessage {
    const list = this.messages.get(chatId) ?? [];
    const message: ChatMessage = {
      id: randomUUID(),
      chatId,
      direction: fields.direction,
      body: fields.body,
      contentSid: null,
      media: fields.media ?? [],
      status: fields.direction === 'inbound' ? 'received' : 'delivered',
      errorCode: null,
      errorReason: null,
      twilioSid: fields.twilioSid ?? `SM${randomUUID().replace(/-/g, '')}`,
      sendId: null,
      // Strictly increasing, so the order is the order of storing.
      createdAt: new Date(Date.now() + list.length).toISOString(),
    };
    list.push(message);
    this.messages.set(chatId, list);
    return message;
  }

  /** An inbound message stored in its chat and the turn event chats would publish for it. */
  inbound(
    base: {
      workspace: WorkspaceSummary;
      phoneNumber: PhoneNumber;
      member: Member;
      channel: Channel;
      chatId: string;
    },
    body: string,
    extra: Partial<ChatTurnReady> = {},
  ): ChatTurnReady {
    const twilioSid = extra.twilioSid ?? `SM${randomUUID().replace(/-/g, '')}`;
    const stored = this.store(base.chatId, { direction: 'inbound', body, twilioSid, media: extra.media });
    const held = this.chats.get(base.chatId);
    return {
      ...base,
      messageId: stored.id,
      chatCreated: false,
      twilioSid,
      body,
      media: [],
      keyword: null,
      memberOptedOut: false,
      offHours: false,
      receivedAt: stored.createdAt,
      // Who holds the chat as the message left it, as chats sends it.
      chat: { heldBy: held?.heldBy ?? null, waitingSince: held?.waitingSince ?? null },
      ...extra,
    };
  }

  repliesTo(chatId: string): SendRequest[] {
    return this.published.filter((s) => s.chatId === chatId);
  }

  private answer(): void {
    this.nats.respond(ShowTyping, (req) => {
      this.typing.push({ messageSid: req.messageSid, channel: req.channel });
      return { shown: true, reason: null };
    });
    this.nats.respond(ListChatMessages, (req) => {
      this.listed.push(req.chatId);
      const all = this.messages.get(req.chatId) ?? [];
      return { items: req.newest ? all.slice(-req.limit) : all.slice(0, req.limit), nextCursor: null };
    });
    this.nats.respond(CheckSend, (req) =>
      decideSend(this.known(req.workspaceId, req.memberId), req.channel, req.kind),
    );
    this.nats.respond(Send, (req) => {
      this.sendRequests.push(req);
      const check = decideSend(
        this.known(req.workspaceId, req.memberId ?? randomUUID()),
        req.channel,
        req.kind,
      );
      if (!check.allowed) return { id: randomUUID(), status: check.outcome, reason: check.reason };
      return { id: randomUUID(), status: 'queued', reason: null };
    });
    // A chat the test did not put here is one nobody holds.
    this.nats.respond(
      GetChat,
      (req) => this.chats.get(req.chatId) ?? this.chat(req.workspaceId, { id: req.chatId }),
    );
    this.nats.respond(CloseChat, (req) => {
      this.closed.push(req.chatId);
      const chat = this.chats.get(req.chatId);
      return {
        ...(chat ?? this.chat(req.workspaceId, { id: req.chatId })),
        status: 'closed',
        closedAt: new Date().toISOString(),
        closedReason: req.reason,
      };
    });
    this.nats.respond(HandOffChat, (req) => {
      this.handoffs.push({ chatId: req.chatId, reason: req.reason, holding: req.holding });
      const chat = {
        ...(this.chats.get(req.chatId) ?? this.chat(req.workspaceId, { id: req.chatId })),
        waitingSince: new Date().toISOString(),
        handoffReason: req.reason,
      };
      this.chats.set(chat.id, chat);
      return chat;
    });
    this.nats.respond(OpenChat, (req) => {
      const existing = [...this.chats.values()].find(
        (c) =>
          c.workspaceId === req.workspaceId &&
          c.phoneNumberId === req.phoneNumberId &&
          c.memberId === req.memberId &&
          c.channel === req.channel &&
          c.status === 'open',
      );
      if (existing) return { chat: existing, created: false };
      const chat = this.chat(req.workspaceId, {
        phoneNumberId: req.phoneNumberId,
        memberId: req.memberId,
        channel: req.channel,
      });
      this.chats.set(chat.id, chat);
      return { chat, created: true };
    });
  }

  /** Preferences' member as the engine's tests meet it: WhatsApp on, opted out when listed in `optedOut`. */
  private known(workspaceId: string, memberId: string): Member {
    return this.member(workspaceId, { id: memberId, optedOut: this.optedOut.has(memberId) });
  }

  /** A chat nobody holds (a test puts one in `chats` to change what GetChat answers). */
  chat(workspaceId: string, fields: Partial<Chat>): Chat {
    return aChat(workspaceId, fields);
  }
}
