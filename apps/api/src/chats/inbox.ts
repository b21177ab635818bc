import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AppError,
  AssignChat,
  GetChat,
  GetConversationWindows,
  Id,
  MediaUrls,
  Send,
  type Agent,
  type Chat,
  type SendResult,
} from '@app/contracts';
import { isWindowOpen, needsWindow, SEND_REASONS } from '@app/rules';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ServiceClient } from '../http/service-client';
import { ClientIdempotencyKey } from '../http/idempotency-key';
import { UserStore } from '../users/user.store';

/** `POST /v1/chats/{id}/messages`: what the person holding the chat writes. */
export const ChatReplyBody = z
  .object({
    body: z.string().trim().min(1).max(1600).optional(),
    /** Images or files sent with the reply (public https URLs, at most 10). */
    mediaUrls: MediaUrls.optional(),
    idempotencyKey: ClientIdempotencyKey.optional(),
  })
  .strict()
  .refine((b) => b.body !== undefined || b.mediaUrls !== undefined, {
    message: 'give body, mediaUrls or both',
    path: ['body'],
  })
  .meta({
    example: {
      body: 'Hi Ana, this is Sam from Sunrise Dental: Tuesday at 10:00 works. Here is how to find us.',
      mediaUrls: ['https://example.com/images/map.png'],
    },
  });
export type ChatReplyBody = z.infer<typeof ChatReplyBody>;

/** `POST /v1/chats/{id}/assign`: the user who should take the chat, or null for nobody. */
export const AssignChatBody = z
  .object({ userId: Id.nullable() })
  .strict()
  .meta({ example: { userId: '3c9e1b7a-2f4d-4e8a-9b6c-5d7e8f9a0b1c' } });
export type AssignChatBody = z.infer<typeof AssignChatBody>;

/** Who the caller is in the inbox: a user by their email, a key by its id. */
@Injectable()
export class InboxAgents {
  constructor(private readonly users: UserStore) {}

  async of(ws: WorkspaceCaller): Promise<Agent> {
    if (ws.userId) {
      const user = await this.users.findById(ws.userId);
      return { actor: ws.actor, name: user?.email ?? ws.actor };
    }
    return { actor: ws.actor, name: `API key ${ws.keyId?.slice(0, 8) ?? ''}`.trim() };
  }
}

/**
 * A person's reply in a chat they hold: a `reply` send in the chat (opt-out still stops it). A
 * free-form WhatsApp reply outside the 24-hour window is refused before anything is sent.
 */
@Injectable()
export class SendChatReply {
  constructor(private readonly services: ServiceClient) {}

  async execute(command: {
    ws: WorkspaceCaller;
    chatId: string;
    body: ChatReplyBody;
    clientKey: string | undefined;
  }): Promise<SendResult> {
    const { ws, chatId, body } = command;
    const chat = await this.services.ask(GetChat, { workspaceId: ws.workspaceId, chatId });
    if (chat.status !== 'open') throw new AppError('conflict', 'This chat is closed.');
    if (chat.heldBy?.actor !== ws.actor)
      throw new AppError(
        'conflict',
        chat.heldBy
          ? `This chat is held by ${chat.heldBy.name}: only they can reply.`
          : 'Take over the chat before replying: the AI answers it until someone does.',
      );
    const send = { channel: chat.channel, kind: 'reply' as const };
    if (needsWindow(send)) {
      const { items } = await this.services.ask(GetConversationWindows, {
        workspaceId: ws.workspaceId,
        memberId: chat.memberId,
      });
      const window = items.find((w) => w.phoneNumberId === chat.phoneNumberId && w.channel === chat.channel);
      if (!isWindowOpen(window ? new Date(window.lastInboundAt) : null, new Date()))
        throw new AppError('rule_violation', SEND_REASONS.outsideWindow);
    }
    return this.services.ask(Send, {
      idempotencyKey: `inbox:${ws.workspaceId}:${command.clientKey ?? randomUUID()}`,
      workspaceId: ws.workspaceId,
      phoneNumberId: chat.phoneNumberId,
      memberId: chat.memberId,
      channel: chat.channel,
      body: body.body,
      mediaUrls: body.mediaUrls,
      kind: 'reply',
      chatId: chat.id,
      origin: { service: 'api', ref: ws.actor },
    });
  }
}

/**
 * Assigns a chat to a user who works in its workspace (a member of it, or an admin), shown as
 * `assignedTo` by their email; null clears it. Anyone else is refused before chats is asked.
 */
@Injectable()
export class AssignChatToUser {
  constructor(
    private readonly services: ServiceClient,
    private readonly users: UserStore,
  ) {}

  async execute(command: { ws: WorkspaceCaller; chatId: string; body: AssignChatBody }): Promise<Chat> {
    const { ws, chatId, body } = command;
    let assignee: Agent | null = null;
    if (body.userId !== null) {
      const user = await this.users.findById(body.userId);
      const works =
        user && !user.disabled && (user.role === 'admin' || user.workspaceIds.includes(ws.workspaceId));
      // One answer for a stranger and an unknown id: nothing about other workspaces' users leaks.
      if (!works)
        throw new AppError('rule_violation', 'userId: no active user of this workspace has this id.');
      assignee = { actor: `user:${user.id}`, name: user.email };
    }
    return this.services.ask(AssignChat, { workspaceId: ws.workspaceId, chatId, assignee });
  }
}
