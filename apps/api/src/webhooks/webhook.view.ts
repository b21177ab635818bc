import { z } from 'zod';
import { CHAT_ACTIVITY_TYPES, Id, Timestamp } from '@app/contracts';
import { viewOf } from '../http/view';
import {
  DELIVERY_STATUSES,
  type WebhookDeliveryEntity,
  type WebhookEndpointEntity,
} from './webhook.entities';

/** What an endpoint may subscribe to: the chat and message events of GET /v1/stream. */
export const WebhookEventType = z.enum(CHAT_ACTIVITY_TYPES);

export const Webhook = z
  .object({
    id: Id,
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(WebhookEventType).meta({ description: 'Event types delivered; empty = every type.' }),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    failingSince: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({
    example: {
      id: '3f6c1d2e-9a8b-4c7d-8e6f-5a4b3c2d1e0f',
      url: 'https://crm.example.com/hooks/twilio-agents',
      description: 'CRM',
      events: ['message.created', 'chat.closed'],
      enabled: true,
      disabledReason: null,
      failingSince: null,
      createdAt: '2026-11-30T09:00:00.000Z',
      updatedAt: '2026-11-30T09:00:00.000Z',
    },
  });
export type Webhook = z.infer<typeof Webhook>;

export const CreatedWebhook = Webhook.extend({
  secret: z.string().meta({
    description:
      'Signs every delivery (X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">): shown once, store it now.',
  }),
});

const events = z
  .array(WebhookEventType)
  .max(CHAT_ACTIVITY_TYPES.length)
  .transform((e) => [...new Set(e)]);

export const CreateWebhookBody = z
  .object({
    url: z.string().min(1).max(2000),
    description: z.string().trim().min(1).max(200).optional(),
    events: events.optional(),
  })
  .strict()
  .meta({
    example: {
      url: 'https://crm.example.com/hooks/twilio-agents',
      description: 'CRM',
      events: ['message.created', 'chat.closed'],
    },
  });
export type CreateWebhookBody = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z
  .object({
    url: z.string().min(1).max(2000).optional(),
    description: z.string().trim().min(1).max(200).nullable().optional(),
    events: events.optional(),
    enabled: z.boolean().optional().meta({ description: 'true turns a disabled endpoint back on.' }),
  })
  .strict()
  .meta({ example: { enabled: true, events: [] } });
export type UpdateWebhookBody = z.infer<typeof UpdateWebhookBody>;

export const WebhookDelivery = z
  .object({
    id: Id,
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: Timestamp,
    deliveredAt: Timestamp.nullable(),
  })
  .meta({
    example: {
      id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      eventId: 'activity:message.created:5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
      eventType: 'message.created',
      status: 'delivered',
      attempts: 1,
      nextAttemptAt: null,
      lastStatusCode: 200,
      lastError: null,
      createdAt: '2026-11-30T09:01:00.000Z',
      deliveredAt: '2026-11-30T09:01:00.250Z',
    },
  });

/** The body of a delivery. */
export const WebhookEventBody = z.object({
  id: z.string(),
  type: WebhookEventType,
  workspaceId: Id,
  occurredAt: Timestamp,
  data: z.object({ chat: z.unknown(), message: z.unknown().nullable() }),
});
export type WebhookEventBody = z.infer<typeof WebhookEventBody>;

export const toWebhook = (e: WebhookEndpointEntity): Webhook => ({
  ...viewOf(Webhook, e),
  // Stored as text; only known types were ever accepted.
  events: e.events as Webhook['events'],
});

export const toWebhookDelivery = (d: WebhookDeliveryEntity): z.infer<typeof WebhookDelivery> => ({
  ...viewOf(WebhookDelivery, d),
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
});
