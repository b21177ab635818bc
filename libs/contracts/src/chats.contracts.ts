import { z } from 'zod';
import { MESSAGE_STATUSES } from '@app/rules';
import { Channel, Choice, Id, Interactive, Media, Page, paging, Timestamp, WorkspaceScoped } from './common';
import { MessageAccepted } from './conversation.contracts';
import { InactivityCloseAfter, PhoneNumber } from './routing.contracts';
import { defineEvent, defineRequest, requestsAbout } from './define';
import { INTEGRATION } from './parties';

/** `received` for inbound messages; outbound ones follow their send (see @app/rules' status machine). */
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** A person in the inbox: `user:<id>` or `api-key:<id>`, and what to call them (a user's email). */
export const Agent = z.object({ actor: z.string().min(1).max(200), name: z.string().max(320) });
export type Agent = z.infer<typeof Agent>;

/** Why a chat closed: no message for the number's inactivity time, a person (API, console), or the agent (end_chat). */
export const ChatClosedReason = z.enum(['inactivity', 'request', 'agent']);
export type ChatClosedReason = z.infer<typeof ChatClosedReason>;

export const Chat = z
  .object({
    id: Id,
    workspaceId: Id,
    phoneNumberId: Id,
    memberId: Id,
    channel: Channel,
    status: z.enum(['open', 'closed']),
    lastMessageAt: Timestamp.nullable(),
    createdAt: Timestamp,
    /** The person answering this chat (took it over): the workflow runs no turns while one does. */
    heldBy: Agent.extend({ since: Timestamp }).nullable(),
    /** In the inbox's queue since then: waiting for a person (a handoff, or a number in `human` mode). */
    waitingSince: Timestamp.nullable(),
    /** Why the AI handed the chat to a person (handoff_to_human's reason). */
    handoffReason: z.string().nullable(),
    /** The person the chat is assigned to (who should take it), if any. */
    assignedTo: Agent.nullable(),
    /** Inbound messages since someone last read the chat in the inbox. */
    unreadCount: z.number().int().min(0),
    /** When an open chat closes if no message comes first (the number's inactivity setting). */
    closesAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    closedReason: ChatClosedReason.nullable(),
  })
  .meta({
    example: {
      id: '0b6f1c2a-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      workspaceId: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
      phoneNumberId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      memberId: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
      channel: 'whatsapp',
      status: 'closed',
      lastMessageAt: '2026-03-02T09:15:00.000Z',
      createdAt: '2026-03-02T09:14:00.000Z',
      heldBy: null,
      waitingSince: null,
      handoffReason: null,
      assignedTo: null,
      unreadCount: 0,
      closesAt: null,
      closedAt: '2026-03-03T09:15:00.000Z',
      closedReason: 'inactivity',
    },
  });
export type Chat = z.infer<typeof Chat>;

export const ChatMessage = z.object({
  id: Id,
  chatId: Id,
  direction: z.enum(['inbound', 'outbound']),
  body: z.string().nullable(),
  contentSid: z.string().nullable(),
  media: z.array(Media),
  /** Inbound: the button or list item the member pressed. */
  choice: Choice.optional(),
  /** Outbound: the buttons or list it offered. */
  interactive: Interactive.optional(),
  status: MessageStatus,
  errorCode: z.string().nullable(),
  errorReason: z.string().nullable(),
  twilioSid: z.string().nullable(),
  /** For outbound messages: outbound's send id. */
  sendId: z.string().nullable(),
  createdAt: Timestamp,
});
export type ChatMessage = z.infer<typeof ChatMessage>;

/** What happened to a chat, as the live stream (GET /v1/stream) tells it. */
export const CHAT_ACTIVITY_TYPES = [
  'chat.opened',
  'message.created',
  'message.updated',
  'chat.taken_over',
  'chat.handed_back',
  'chat.waiting',
  'chat.left_queue',
  'chat.assigned',
  'chat.read',
  'chat.closed',
] as const;
export const ChatActivityType = z.enum(CHAT_ACTIVITY_TYPES);
export type ChatActivityType = z.infer<typeof ChatActivityType>;

/** The subject a workspace's chat activity is published on: one subject per workspace, so a replay reads only its own. */
export const chatActivitySubject = (workspaceId: string) => `chat.activity.${workspaceId}`;

export const ChatActivity = defineEvent({
  subject: 'chat.activity',
  publishers: ['chats'],
  consumers: ['api'],
  stream: 'CHAT',
  description:
    "A chat opened, a message stored or its status changed, a takeover, a hand back, a handoff or a chat entering the queue (chat.waiting), leaving it on a person's answer (chat.left_queue), an assignment, a chat read or closed, with the chat as it is now. Published on chat.activity.<workspaceId>; the api streams it to the workspace (GET /v1/stream) with an ordered consumer per replica, and turns it into webhook deliveries with one durable consumer (api__webhooks, chat.activity.>). Nats-Msg-Id = activity:<what>.",
  schema: z.object({
    type: ChatActivityType,
    workspaceId: Id,
    chat: Chat,
    /** The message for message.* events. */
    message: ChatMessage.nullable(),
    at: Timestamp,
  }),
});
export type ChatActivity = z.infer<typeof ChatActivity.schema>;

export const ChatTurnReady = defineEvent({
  subject: 'chat.turn.ready',
  publishers: ['chats'],
  consumers: ['workflow'],
  stream: 'CHAT',
  partitionBy: (t) => t.chatId,
  description:
    'An inbound message stored in its chat: the workflow takes its turn. Nats-Msg-Id = turn:<twilioSid>.',
  // The accepted message's context (its addresses aside) and where chats stored it.
  schema: MessageAccepted.schema.omit({ from: true, to: true }).extend({
    chatId: Id,
    messageId: Id,
    chatCreated: z.boolean(),
    /** Who holds the chat as the message left it, so the workflow need not ask (GetChat) before its turn. */
    chat: Chat.pick({ heldBy: true, waitingSince: true }).optional(),
  }),
});
export type ChatTurnReady = z.infer<typeof ChatTurnReady.schema>;

const chatRequest = requestsAbout('rpc.chats.chat', 'chatId', Chat);
export const ListChats = chatRequest.list(
  "A workspace's chats, newest first, filtered by channel and member; with waiting, the queue: open chats waiting for a person, oldest first.",
  {
    fields: {
      channel: Channel.optional(),
      memberId: Id.optional(),
      /** Only the queue (open chats waiting for a person), the longest waiting first. */
      waiting: z.boolean().optional(),
      ...paging(200, 50),
    },
  },
);
export const GetChat = chatRequest(
  'get',
  'One chat (the workflow asks whether a person holds it before a turn).',
  {
    askedBy: ['api', 'workflow'],
  },
);
export const ListChatMessages = defineRequest({
  subject: 'rpc.chats.message.list',
  askedBy: ['api', 'workflow'],
  description:
    "A chat's messages in order, paged from the oldest; or with newest, the newest `limit` messages in order (an agent's history).",
  request: WorkspaceScoped.extend({
    chatId: Id,
    ...paging(500, 200),
    /** The newest `limit` messages (still oldest first), in one page: what an agent should see. */
    newest: z.boolean().optional(),
  }),
  response: Page(ChatMessage),
});
export const OpenChat = defineRequest({
  subject: 'rpc.chats.chat.open',
  askedBy: ['workflow'],
  description:
    'The open chat of a number, member and channel, created if none (rules that start a chat); a chat past its inactivity time is closed first.',
  request: WorkspaceScoped.extend({
    phoneNumberId: Id,
    memberId: Id,
    channel: Channel,
    /** The number's setting; without it, the chat keeps its own (24 hours for a new one). */
    inactivityCloseAfter: InactivityCloseAfter.optional(),
  }),
  response: z.object({ chat: Chat, created: z.boolean() }),
});
export const CloseChat = chatRequest(
  'close',
  'Close a chat (end_chat, POST /v1/chats/{id}/close): the next inbound message opens a new one. Closing a closed chat changes nothing.',
  {
    askedBy: ['workflow', 'api'],
    fields: { reason: ChatClosedReason.exclude(['inactivity']).default('request') },
  },
);

export const ChatClosed = defineEvent({
  subject: 'chat.closed',
  publishers: ['chats'],
  // Open to operators' own services now; the console's live stream (api) will consume it too.
  consumers: [INTEGRATION],
  stream: 'CHAT',
  description:
    'A chat closed (inactivity, a request, the agent); published once per chat from an outbox, Nats-Msg-Id = chat-closed:<chatId>. The pin of its workflow ends with it.',
  schema: z.object({
    workspaceId: Id,
    chat: Chat,
    reason: ChatClosedReason,
    closedAt: Timestamp,
  }),
});
export type ChatClosed = z.infer<typeof ChatClosed.schema>;
/** A person steps into a chat: the workflow runs no turns for it until they hand it back. */
export const TakeOverChat = chatRequest(
  'takeover',
  'A person takes over a chat (it leaves the queue); taking over a chat one holds already changes nothing; held by someone else: conflict.',
  { fields: { agent: Agent } },
);
export const HandBackChat = chatRequest(
  'handback',
  'The person holding a chat hands it back to the workflow (its next turn sees what arrived meanwhile); a chat nobody holds is unchanged; held by someone else: conflict.',
  { fields: { agent: Agent } },
);
export const MarkChatRead = chatRequest(
  'read',
  'Someone read the chat in the inbox: its unread count goes back to 0.',
);

/** The number's holding settings, as the chat keeps them for a wait: the message and after how long it goes out. */
export const HoldingSettings = PhoneNumber.pick({ handoffTimeoutSeconds: true, holdingMessage: true });
export type HoldingSettings = z.infer<typeof HoldingSettings>;

/** Why the AI hands a chat to a person, as the inbox shows it. */
export const HandoffReason = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .meta({ example: 'The member asks for a refund, which needs a person.' });

export const HandOffChat = chatRequest(
  'handoff',
  "The AI hands the chat to a person (handoff_to_human): it waits in the queue with the reason, the workflow is silent until a person takes it over and hands it back, and the number's holding message is due after its timeout. A chat already waiting or held is unchanged; a closed one: conflict.",
  { askedBy: ['workflow'], fields: { reason: HandoffReason, holding: HoldingSettings } },
);
export const AssignChat = chatRequest(
  'assign',
  'Assign a chat to a person (who should take it), or clear it with null. Assigning a closed chat: conflict; the same person again changes nothing.',
  { fields: { assignee: Agent.nullable() } },
);
