import { z } from 'zod';
import { SEND_STATUSES } from '@app/rules';
import {
  Channel,
  ContentSid,
  ContentVariables,
  E164,
  Id,
  SendKind,
  Timestamp,
  WorkspaceScoped,
} from './common';
import { INTEGRATION } from './parties';
import { defineEvent, defineRequest } from './define';
import { MessageStatus } from './chats.contracts';

/** Who asked for a send, for logs and for following the outcome. */
export const Origin = z.object({ service: z.string().min(1), ref: z.string().nullable().default(null) });

/** A send request's fields; `SendRequest` adds the rules that tie them together. */
export const SendFields = z.object({
  /**
   * Same key twice in one workspace = one message (another workspace's same key is another
   * message). Scope it to the caller, e.g. `reply:<twilioSid>:<n>`. Published on JetStream, the
   * Nats-Msg-Id is `sendMsgId(request)`.
   */
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
  /** An approved template, the only thing WhatsApp delivers outside the 24-hour window. */
  contentSid: ContentSid.optional(),
  contentVariables: ContentVariables.optional(),
  kind: SendKind,
  chatId: Id.optional(),
  /**
   * The inbound message a reply answers. Outbound counts it as the member's latest message for
   * the 24-hour window, so a reply never waits on (or loses a race with) the window projection.
   */
  inReplyTo: z.object({ twilioSid: z.string().min(1), receivedAt: Timestamp }).optional(),
  /** e.g. { service: 'workflow', ref: 'rule-run:<id>' }. */
  origin: Origin,
});

type SendContent = Partial<
  Pick<z.infer<typeof SendFields>, 'body' | 'contentSid' | 'contentVariables' | 'memberId' | 'to' | 'kind'>
>;

/** What a send names: a body or a template, a member or an address (the api's body obeys them too). */
export const withSendRules = <T extends z.ZodType<SendContent>>(schema: T): T =>
  schema
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

export const SendRequest = withSendRules(SendFields);
export type SendRequest = z.infer<typeof SendRequest>;

export const SendStatus = z.enum(SEND_STATUSES);
export type SendStatus = z.infer<typeof SendStatus>;

export const SendResult = z.object({ id: Id, status: SendStatus, reason: z.string().nullable() });
export type SendResult = z.infer<typeof SendResult>;

/**
 * The Nats-Msg-Id of a send on JetStream: `<workspaceId>:<idempotencyKey>`. Idempotency keys are
 * unique per workspace (outbound stores them so), so the workspace is part of the id: a bare key
 * would let one workspace's send make JetStream drop another's with the same key.
 */
export const sendMsgId = (request: Pick<SendRequest, 'workspaceId' | 'idempotencyKey'>): string =>
  `${request.workspaceId}:${request.idempotencyKey}`;

/**
 * Any service sends with one of these two (libs/client does both; apps/outbound/src/examples/send-example.ts, runnable):
 *
 *   await messaging.publish(SendRequested, request, { msgId: sendMsgId(request) });
 *   const { id, status, reason } = await messaging.request(Send, request);
 *
 * Either way one idempotency key gives at most one Twilio message; follow it on OutboundMessageUpdated.
 */
export const SendRequested = defineEvent({
  subject: 'outbound.send.requested',
  publishers: ['routing', 'workflow', 'outbound', INTEGRATION],
  consumers: ['outbound'],
  stream: 'OUTBOUND',
  description:
    'Fire-and-forget send from any service. Nats-Msg-Id = <workspaceId>:<idempotencyKey> (sendMsgId).',
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

/** A send as outbound keeps it. */
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

export const OutboundMessageUpdated = defineEvent({
  subject: 'outbound.message.updated',
  publishers: ['outbound'],
  consumers: ['chats', INTEGRATION],
  stream: 'OUTBOUND',
  description:
    "A send's status changed (created, skipped, sent, delivered...). Nats-Msg-Id = <sendId>:<status>.",
  // The send as recorded, named by sendId, with what a consumer needs to file it.
  schema: SendRecord.omit({ id: true, createdAt: true, updatedAt: true }).extend({
    sendId: Id,
    workspaceId: Id,
    chatId: Id.nullable(),
    kind: SendKind,
    origin: Origin,
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

export const GetSendRecord = defineRequest({
  subject: 'rpc.outbound.send.get',
  askedBy: ['api', INTEGRATION],
  description: 'One send with its current status.',
  request: WorkspaceScoped.extend({ sendId: Id }),
  response: SendRecord,
});
