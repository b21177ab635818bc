import { z } from 'zod';
import { TWILIO_DELIVERY_STATUSES } from '@app/rules';
import { Media, Timestamp } from './common';
import { defineEvent } from './define';

/** One conversation of inbound messages: our number and the sender, as Twilio wrote them. */
export const inboundConversationKey = (m: { to: string; from: string }): string => `${m.to}|${m.from}`;

/** Twilio's form parameters as posted, after the signature was checked. */
const TwilioParams = z.record(z.string(), z.string());

export const InboundMessageReceived = defineEvent({
  subject: 'inbound.message.received',
  publishers: ['ingress'],
  consumers: ['routing'],
  stream: 'INBOUND',
  partitionBy: inboundConversationKey,
  description:
    'A signed Twilio messaging webhook (SMS or WhatsApp), published by ingress with Nats-Msg-Id = MessageSid.',
  schema: z.object({
    accountSid: z.string().min(1),
    messageSid: z.string().min(1),
    /** As Twilio sent them, with the `whatsapp:` prefix when WhatsApp. */
    from: z.string().min(1),
    to: z.string().min(1),
    body: z.string(),
    media: z.array(Media),
    profileName: z.string().nullable(),
    receivedAt: Timestamp,
    params: TwilioParams,
  }),
});
export type InboundMessageReceived = z.infer<typeof InboundMessageReceived.schema>;

/** Every MessageStatus Twilio calls back with: before it takes a send, its delivery, inbound, cancelled. */
export const TwilioMessageStatus = z.enum([
  'accepted',
  'scheduled',
  ...TWILIO_DELIVERY_STATUSES,
  'receiving',
  'received',
  'canceled',
]);
export type TwilioMessageStatus = z.infer<typeof TwilioMessageStatus>;

export const DeliveryStatusReceived = defineEvent({
  subject: 'inbound.status.received',
  publishers: ['ingress'],
  consumers: ['outbound'],
  stream: 'INBOUND',
  // One message's status callbacks in order.
  partitionBy: (s) => s.messageSid,
  description:
    'A signed Twilio status callback, published by ingress with Nats-Msg-Id = MessageSid:MessageStatus.',
  schema: z.object({
    accountSid: z.string().min(1),
    messageSid: z.string().min(1),
    status: TwilioMessageStatus,
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    /** Our send id, from the StatusCallback URL's query (`?sendId=`), when present. */
    sendId: z.string().nullable(),
    receivedAt: Timestamp,
    params: TwilioParams,
  }),
});
export type DeliveryStatusReceived = z.infer<typeof DeliveryStatusReceived.schema>;
