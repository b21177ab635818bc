/**
 * JetStream streams. Each event subject starts with its stream's name in lower case; request
 * subjects live under `rpc.` and are never stored.
 */
export const STREAMS = {
  INBOUND: { subjects: ['inbound.>'], description: 'Raw Twilio webhooks accepted by ingress' },
  CONVERSATION: { subjects: ['conversation.>'], description: 'Inbound messages routed and accepted' },
  CHAT: { subjects: ['chat.>'], description: 'Stored chat messages ready for a workflow turn' },
  OUTBOUND: { subjects: ['outbound.>'], description: 'Send requests and outbound message status changes' },
  EVENTS: { subjects: ['events.>'], description: 'Workspace events that trigger rules' },
  DLQ: { subjects: ['dlq.>'], description: 'Messages a consumer could not handle, with the error' },
} as const;

export type StreamName = keyof typeof STREAMS;
