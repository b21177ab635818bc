import { counter } from '@app/telemetry';

/** New messages stored (redeliveries and status updates not counted). */
export const messagesStored = counter(
  'chats_messages_stored_total',
  'Chat messages stored, by direction and channel',
  ['direction', 'channel'],
);

/** Chats opened, by what opened them (inbound message, a send, a request). */
export const chatsOpened = counter('chats_opened_total', 'Chats opened, by channel and origin', [
  'channel',
  'origin',
]);

/** Chats closed, by why (inactivity, request, agent). */
export const chatsClosed = counter('chats_closed_total', 'Chats closed, by channel and reason', [
  'channel',
  'reason',
]);

/** Chats that started waiting for a person, by why (handoff by the AI, a number in human mode). */
export const chatsQueued = counter(
  'chats_queued_total',
  'Chats that started waiting for a person, by channel and why',
  ['channel', 'cause'],
);

/** Holding messages handed to outbound (once per wait). */
export const holdingMessagesSent = counter(
  'chats_holding_messages_total',
  'Holding messages handed to outbound for chats that waited past the timeout, by channel',
  ['channel'],
);
