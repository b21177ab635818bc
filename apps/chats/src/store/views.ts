import type { Chat, ChatMessage } from '@app/contracts';
import type { ChatEntity } from './chat.entity';
import type { ChatMessageEntity } from './chat-message.entity';

/** A chat as the contracts show it. */
export function toChat(c: ChatEntity): Chat {
  return {
    id: c.id,
    workspaceId: c.workspaceId,
    phoneNumberId: c.phoneNumberId,
    memberId: c.memberId,
    channel: c.channel,
    status: c.status,
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    heldBy:
      c.heldBy && c.heldSince
        ? { actor: c.heldBy, name: c.heldByName ?? c.heldBy, since: c.heldSince.toISOString() }
        : null,
    waitingSince: c.waitingSince?.toISOString() ?? null,
    handoffReason: c.handoffReason,
    assignedTo: c.assignedTo ? { actor: c.assignedTo, name: c.assignedToName ?? c.assignedTo } : null,
    unreadCount: c.unreadCount,
    closesAt: c.status === 'open' ? (c.closesAt?.toISOString() ?? null) : null,
    closedAt: c.closedAt?.toISOString() ?? null,
    closedReason: c.closedReason,
  };
}

/** A message as the contracts show it. */
export function toChatMessage(m: ChatMessageEntity): ChatMessage {
  return {
    id: m.id,
    chatId: m.chatId,
    direction: m.direction,
    body: m.body,
    contentSid: m.contentSid,
    media: m.media,
    ...(m.choice ? { choice: m.choice } : {}),
    ...(m.interactive ? { interactive: m.interactive } : {}),
    status: m.status,
    errorCode: m.errorCode,
    errorReason: m.errorReason,
    twilioSid: m.twilioSid,
    sendId: m.sendId,
    createdAt: m.createdAt.toISOString(),
  };
}
