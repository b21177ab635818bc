import type { ServiceName } from './parties';

/**
 * JetStream streams. Each event subject starts with its stream's name in lower case; request
 * subjects live under `rpc.` and are never stored. The owner creates the stream and applies its
 * settings at start; a service that uses it may create it when missing (same settings) but never
 * changes them (with `npm run nats:config`'s permissions it may not).
 * `shared`: every service that dead-letters writes to it, so each may create and update it.
 */
export const STREAMS = {
  INBOUND: {
    subjects: ['inbound.>'],
    owner: 'ingress',
    description: 'Raw Twilio webhooks accepted by ingress',
  },
  CONVERSATION: {
    subjects: ['conversation.>'],
    owner: 'routing',
    description: 'Inbound messages routed and accepted',
  },
  CHAT: {
    subjects: ['chat.>'],
    owner: 'chats',
    description: 'Stored chat messages ready for a workflow turn',
  },
  OUTBOUND: {
    subjects: ['outbound.>'],
    owner: 'outbound',
    description: 'Send requests and outbound message status changes',
  },
  EVENTS: { subjects: ['events.>'], owner: 'api', description: 'Workspace events that trigger rules' },
  DIAGNOSTICS: {
    subjects: ['diagnostics.>'],
    owner: 'api',
    description: 'Why something did not happen (dropped messages, skipped turns), for the diagnostics feed',
  },
  DLQ: {
    subjects: ['dlq.>'],
    owner: 'shared',
    description: 'Messages a consumer could not handle, with the error',
  },
} as const satisfies Record<
  string,
  { subjects: readonly string[]; owner: ServiceName | 'shared'; description: string }
>;

export type StreamName = keyof typeof STREAMS;
