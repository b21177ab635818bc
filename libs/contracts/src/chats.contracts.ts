import { z } from 'zod';
import { MESSAGE_STATUSES } from '@app/rules';
import { Channel, Id, Media, Page, paging, Timestamp, WorkspaceScoped } from './common';
import { MessageAccepted } from './conversation.contracts';
import { defineEvent, defineRequest } from './define';

/** `received` for inbound messages; outbound ones follow their send (see @app/rules' status machine). */
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const Chat = z.object({
  id: Id,
  workspaceId: Id,
  phoneNumberId: Id,
  memberId: Id,
  channel: Channel,
  status: z.enum(['open', 'closed']),
  lastMessageAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Chat = z.infer<typeof Chat>;

export const ChatMessage = z.object({
  id: Id,
  chatId: Id,
  direction: z.enum(['inbound', 'outbound']),
  body: z.string().nullable(),
  contentSid: z.string().nullable(),
  media: z.array(Media),
  status: MessageStatus,
  errorCode: z.string().nullable(),
  errorReason: z.string().nullable(),
  twilioSid: z.string().nullable(),
  /** For outbound messages: outbound's send id. */
  sendId: z.string().nullable(),
  createdAt: Timestamp,
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatTurnReady = defineEvent({
  subject: 'chat.turn.ready',
  publishers: ['chats'],
  consumers: ['workflow'],
  stream: 'CHAT',
  description:
    'An inbound message stored in its chat: the workflow takes its turn. Nats-Msg-Id = turn:<twilioSid>.',
  // The accepted message's context (its addresses aside) and where chats stored it.
  schema: MessageAccepted.schema
    .omit({ from: true, to: true })
    .extend({ chatId: Id, messageId: Id, chatCreated: z.boolean() }),
});
export type ChatTurnReady = z.infer<typeof ChatTurnReady.schema>;

export const ListChats = defineRequest({
  subject: 'rpc.chats.chat.list',
  askedBy: ['api'],
  description: "A workspace's chats, newest first, filtered by channel and member.",
  request: WorkspaceScoped.extend({
    channel: Channel.optional(),
    memberId: Id.optional(),
    ...paging(200, 50),
  }),
  response: Page(Chat),
});
export const GetChat = defineRequest({
  subject: 'rpc.chats.chat.get',
  askedBy: ['api'],
  description: 'One chat.',
  request: WorkspaceScoped.extend({ chatId: Id }),
  response: Chat,
});
export const ListChatMessages = defineRequest({
  subject: 'rpc.chats.message.list',
  askedBy: ['api', 'workflow'],
  description: "A chat's messages in order (the agent's history too).",
  request: WorkspaceScoped.extend({
    chatId: Id,
    ...paging(500, 200),
  }),
  response: Page(ChatMessage),
});
export const OpenChat = defineRequest({
  subject: 'rpc.chats.chat.open',
  askedBy: ['workflow'],
  description: 'The open chat of a number, member and channel, created if none (rules that start a chat).',
  request: WorkspaceScoped.extend({ phoneNumberId: Id, memberId: Id, channel: Channel }),
  response: z.object({ chat: Chat, created: z.boolean() }),
});
export const CloseChat = defineRequest({
  subject: 'rpc.chats.chat.close',
  askedBy: ['workflow'],
  description: 'Close a chat (end_chat): the next inbound message opens a new one.',
  request: WorkspaceScoped.extend({ chatId: Id }),
  response: Chat,
});
