import { z } from 'zod';
import { SEND_STATUSES } from '@app/rules';
import { Channel, E164, Id, SendKind, Timestamp, WorkspaceScoped } from './common';
import { INTEGRATION } from './parties';
import { defineEvent, defineRequest } from './define';
import { MessageStatus } from './chats.contracts';

export const SendRequest = z
  .object({
    /** Same key twice = one message. Scope it to the caller, e.g. `reply:<twilioSid>:<n>`. */
    idempotencyKey: z.string().min(1).max(200),
    workspaceId: Id,
    phoneNumberId: Id,
    memberId: Id.optional(),
    /**
     * An address instead of a member: outbound finds the member with this phone and runs the same
     * checks; an address without a member is refused only if it opted out. A `notice` always
     * names an address.
     */
    to: E164.optional(),
    channel: Channel,
    body: z.string().min(1).max(1600).optional(),
    /** An approved template (Twilio Content API), the only thing WhatsApp delivers outside the 24-hour window. */
    contentSid: z
      .string()
      .regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Twilio Content SID (HX + 32 hex)')
      .optional(),
    contentVariables: z.record(z.string(), z.string()).optional(),
    kind: SendKind,
    chatId: Id.optional(),
    /**
     * The inbound message a reply answers. Outbound counts it as the member's latest message for
     * the 24-hour window, so a reply never waits on (or loses a race with) the window projection.
     */
    inReplyTo: z.object({ twilioSid: z.string().min(1), receivedAt: Timestamp }).optional(),
    /** Who asked, for logs and for following the outcome (e.g. { service: 'workflow', ref: 'rule-run:<id>' }). */
    origin: z.object({ service: z.string().min(1), ref: z.string().nullable().default(null) }),
  })
  .refine((r) => (r.body === undefined) !== (r.contentSid === undefined), {
    message: 'give either body or contentSid, not both',
    path: ['body'],
  })
  .refine((r) => r.memberId !== undefined || r.to !== undefined, {
    message: 'give memberId or to',
    path: ['memberId'],
  })
  .refine((r) => r.contentVariables === undefined || r.contentSid !== undefined, {
    message: 'contentVariables need a contentSid',
    path: ['contentVariables'],
  })
  .refine((r) => r.kind !== 'notice' || (r.to !== undefined && r.memberId === undefined), {
    message: 'a notice goes to an address (to), not to a member',
    path: ['kind'],
  });
export type SendRequest = z.infer<typeof SendRequest>;

export const SendStatus = z.enum(SEND_STATUSES);
export type SendStatus = z.infer<typeof SendStatus>;

export const SendResult = z.object({ id: Id, status: SendStatus, reason: z.string().nullable() });
export type SendResult = z.infer<typeof SendResult>;

/**
 * Any service sends with one of these two (see apps/outbound/src/examples/send-example.ts, runnable):
 *
 *   await messaging.publish(SendRequested, request, { msgId: `${request.workspaceId}:${request.idempotencyKey}` });
 *   const { id, status, reason } = await messaging.request(Send, request);
 *
 * Either way one idempotency key gives at most one Twilio message; follow it on OutboundMessageUpdated.
 */
export const SendRequested = defineEvent({
  subject: 'outbound.send.requested',
  publishers: ['routing', 'workflow', 'outbound', INTEGRATION],
  consumers: ['outbound'],
  stream: 'OUTBOUND',
  description: 'Fire-and-forget send from any service. Nats-Msg-Id = idempotencyKey.',
  schema: SendRequest,
});

export const Send = defineRequest({
  subject: 'rpc.outbound.send',
  askedBy: ['api', 'workflow', INTEGRATION],
  description:
    'Send and answer { id, status, reason } once the checks ran (status pending/queued/skipped/failed).',
  request: SendRequest,
  response: SendResult,
});

export const OutboundMessageUpdated = defineEvent({
  subject: 'outbound.message.updated',
  publishers: ['outbound'],
  consumers: ['chats', INTEGRATION],
  stream: 'OUTBOUND',
  description:
    "A send's status changed (created, skipped, sent, delivered...). Nats-Msg-Id = <sendId>:<status>.",
  schema: z.object({
    sendId: Id,
    idempotencyKey: z.string(),
    workspaceId: Id,
    phoneNumberId: Id,
    memberId: Id.nullable(),
    chatId: Id.nullable(),
    channel: Channel,
    kind: SendKind,
    origin: z.object({ service: z.string(), ref: z.string().nullable() }),
    body: z.string().nullable(),
    contentSid: z.string().nullable(),
    status: SendStatus,
    reason: z.string().nullable(),
    errorCode: z.string().nullable(),
    twilioSid: z.string().nullable(),
    occurredAt: Timestamp,
  }),
});
export type OutboundMessageUpdated = z.infer<typeof OutboundMessageUpdated.schema>;

/** Chat message statuses and send statuses share names; this guard keeps them in step. */
export const sendStatusAsMessageStatus = (s: SendStatus): z.infer<typeof MessageStatus> => s;

export const ConversationWindow = z.object({
  phoneNumberId: Id,
  memberId: Id,
  channel: Channel,
  lastInboundAt: Timestamp,
  expiresAt: Timestamp,
  open: z.boolean(),
});
export const GetConversationWindows = defineRequest({
  subject: 'rpc.outbound.window.list',
  askedBy: ['api'],
  description: "A member's 24-hour windows, per number and channel.",
  request: WorkspaceScoped.extend({ memberId: Id }),
  response: z.object({ items: z.array(ConversationWindow) }),
});

export const SendRecord = SendResult.extend({
  idempotencyKey: z.string(),
  phoneNumberId: Id,
  memberId: Id.nullable(),
  channel: Channel,
  body: z.string().nullable(),
  contentSid: z.string().nullable(),
  errorCode: z.string().nullable(),
  twilioSid: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const GetSendRecord = defineRequest({
  subject: 'rpc.outbound.send.get',
  askedBy: ['api', INTEGRATION],
  description: 'One send with its current status.',
  request: WorkspaceScoped.extend({ sendId: Id }),
  response: SendRecord,
});
