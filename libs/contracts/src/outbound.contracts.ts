import { z } from 'zod';
import { SEND_STATUSES, sendLane } from '@app/rules';
import {
  Channel,
  ContentSid,
  ContentVariables,
  E164,
  Id,
  Interactive,
  MediaUrls,
  SendKind,
  SendLane,
  Timestamp,
  WorkspaceScoped,
} from './common';
import { INTEGRATION } from './parties';
import { defineEvent, defineRequest, requestsAbout } from './define';
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
  /** Images, audio, video or documents sent with the body (or alone); not with a template. */
  mediaUrls: MediaUrls.optional(),
  /**
   * Buttons or a list under the body (WhatsApp only, body up to 1,024 characters, no media);
   * outbound makes the Content API resource and sends it. The member's press comes back as an
   * inbound message with its `choice`.
   */
  interactive: Interactive.optional(),
  /** An approved template, the only thing WhatsApp delivers outside the 24-hour window. */
  contentSid: ContentSid.optional(),
  contentVariables: ContentVariables.optional(),
  kind: SendKind,
  /**
   * The queue it waits in at outbound (`sendLane`): by default `bulk` for kind `system`,
   * `conversation` otherwise. Bulk sends (broadcasts...) never delay conversation sends.
   */
  lane: SendLane.optional(),
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
  Pick<
    z.infer<typeof SendFields>,
    | 'body'
    | 'mediaUrls'
    | 'interactive'
    | 'channel'
    | 'contentSid'
    | 'contentVariables'
    | 'memberId'
    | 'to'
    | 'kind'
  >
>;

/** What a send names: a body or a template, a member or an address (the api's body obeys them too). */
export const withSendRules = <T extends z.ZodType<SendContent>>(schema: T): T =>
  schema
    .refine((r) => (r.body === undefined && r.mediaUrls === undefined) !== (r.contentSid === undefined), {
      message: 'give either body (and/or mediaUrls) or contentSid, not both',
      path: ['body'],
    })
    .refine(
      (r) =>
        r.interactive === undefined ||
        (r.channel === 'whatsapp' &&
          r.body !== undefined &&
          r.body.length <= 1024 &&
          r.mediaUrls === undefined),
      {
        message: 'buttons and lists go on WhatsApp, under a body of at most 1024 characters, without media',
        path: ['interactive'],
      },
    )
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
/** One conversation's sends: number, member (or address) and channel. */
export const sendConversationKey = (
  r: Pick<SendRequest, 'phoneNumberId' | 'memberId' | 'to' | 'channel'>,
): string => `${r.phoneNumberId}:${r.memberId ?? r.to ?? ''}:${r.channel}`;

export const SendRequested = defineEvent({
  subject: 'outbound.send.requested',
  publishers: ['routing', 'workflow', 'outbound', 'chats', INTEGRATION],
  consumers: ['outbound'],
  stream: 'OUTBOUND',
  partitionBy: sendConversationKey,
  description:
    'Fire-and-forget send from any service. Nats-Msg-Id = <workspaceId>:<idempotencyKey> (sendMsgId). Bulk sends (sendLane) go on outbound.send.requested.bulk[.<partition>].',
  schema: SendRequest,
  laneOf: (request) => (sendLane(request) === 'bulk' ? 'bulk' : undefined),
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
  /** The media URLs sent with it (none for older sends). */
  mediaUrls: z.array(z.string()).default([]),
  /** The buttons or list sent with it, if any. */
  interactive: Interactive.optional(),
  contentSid: z.string().nullable(),
  errorCode: z.string().nullable(),
  twilioSid: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const OutboundMessageUpdated = defineEvent({
  subject: 'outbound.message.updated',
  publishers: ['outbound'],
  consumers: ['chats', 'workflow', INTEGRATION],
  stream: 'OUTBOUND',
  description:
    "A send's status changed (created, skipped, sent, delivered...). Nats-Msg-Id = <sendId>:<status>. Headers App-Hint-originService and App-Hint-originRefKind (the origin ref before its first ':') let a consumer skip it unread.",
  // The send as recorded, named by sendId, with what a consumer needs to file it.
  schema: SendRecord.omit({ id: true, createdAt: true, updatedAt: true }).extend({
    sendId: Id,
    workspaceId: Id,
    chatId: Id.nullable(),
    kind: SendKind,
    origin: Origin,
    /** The phone the send went (or would have gone) to, once outbound knew it. */
    toPhone: z.string().max(40).nullable().default(null),
    occurredAt: Timestamp,
  }),
  // Who asked for the send (`workflow`) and what for (the ref's kind: `rule-run`, `turn`...), so a
  // consumer that follows only some senders' sends skips the others unread.
  hints: {
    originService: (u) => u.origin.service,
    originRefKind: (u) => u.origin.ref?.split(':')[0],
  },
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

export const GetSendRecord = requestsAbout('rpc.outbound.send', 'sendId', SendRecord)(
  'get',
  'One send with its current status.',
  { askedBy: ['api', INTEGRATION] },
);

/**
 * Shows the member that the business is typing (WhatsApp only: Twilio's typing indicator, which
 * also marks their message read). It lasts until the reply arrives or 25 seconds pass.
 */
export const ShowTyping = defineRequest({
  subject: 'rpc.outbound.typing',
  askedBy: ['workflow'],
  description:
    'Show the member a WhatsApp typing indicator for their message while the agent thinks; answers whether Twilio took it (never an error: it is only a courtesy).',
  request: WorkspaceScoped.extend({
    phoneNumberId: Id,
    channel: Channel,
    /** The member's message being answered (its Twilio SID). */
    messageSid: z.string().min(1).max(64),
  }),
  response: z.object({ shown: z.boolean(), reason: z.string().nullable() }),
});
