import { z } from 'zod';
import { Channel, E164, Id, Page, paging, SendKind, Timestamp, WorkspaceScoped } from './common';
import { defineBroadcast, defineEvent, defineRequest, requestsAbout } from './define';
import { attributesProblem } from '@app/rules';

/**
 * A member's own data (an appointment time, a plan...): a flat JSON object with identifier keys,
 * bounded (see @app/rules' ATTRIBUTE_LIMITS). In a patch, a key set to null is removed.
 */
export const MemberAttributes = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const problem = attributesProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const Member = z.object({
  id: Id,
  workspaceId: Id,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: E164.nullable(),
  email: z.string().nullable(),
  notifySms: z.boolean(),
  notifyEmail: z.boolean(),
  notifyVoice: z.boolean(),
  /** Off by default, however the member was created. */
  notifyWhatsapp: z.boolean(),
  optedOut: z.boolean(),
  optedOutAt: Timestamp.nullable(),
  optedOutChannel: Channel.nullable(),
  /** The workspace's data about the member, for templates and CEL (`member.attributes.x`). */
  attributes: z.record(z.string(), z.unknown()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Member = z.infer<typeof Member>;

/** Where a preference change came from, for the audit trail. */
export const ChangeSource = z.object({
  type: z.enum(['api', 'keyword', 'inbound', 'import', 'system']),
  /** API key id, keyword text, Twilio SID... never a secret. */
  ref: z.string().max(200).nullable().default(null),
});
export type ChangeSource = z.infer<typeof ChangeSource>;

export const MemberFields = z
  .object({
    firstName: z.string().trim().max(200).nullable(),
    lastName: z.string().trim().max(200).nullable(),
    phone: z.string().nullable(),
    email: z.email().nullable(),
    notifySms: z.boolean(),
    notifyEmail: z.boolean(),
    notifyVoice: z.boolean(),
    notifyWhatsapp: z.boolean(),
    /** Merged into the stored attributes: a key set to null is removed. */
    attributes: MemberAttributes,
  })
  .partial()
  .strict();

export const CreateMember = defineRequest({
  subject: 'rpc.preferences.member.create',
  askedBy: ['api'],
  description:
    'Create a member (phone normalised to E.164, unique per workspace); with an idempotency key, a repeat answers the member it created (replayed).',
  request: WorkspaceScoped.extend({
    fields: MemberFields,
    source: ChangeSource,
    /**
     * The client's retry key (the API's Idempotency-Key), per workspace: the same key with the
     * same fields answers the member it created, with other fields is refused. Kept a day.
     */
    idempotencyKey: z.string().min(1).max(100).optional(),
  }),
  // `replayed: true` only when the key had already created this member (absent otherwise).
  response: Member.extend({ replayed: z.boolean().optional() }),
});
const memberRequest = requestsAbout('rpc.preferences.member', 'memberId', Member);
export const GetMember = memberRequest('get', 'Read one member.', { askedBy: ['api', 'workflow'] });
export const ListMembers = memberRequest.list(
  'List members, by phone, by a search text or by a CEL member filter (e.g. member.notify_whatsapp), paged.',
  {
    askedBy: ['api', 'workflow'],
    fields: {
      phone: z.string().optional(),
      filter: z.string().max(2000).optional(),
      /** Part of a name, email or phone number, case-insensitive (a person searching). */
      search: z.string().trim().min(1).max(100).optional(),
      ...paging(1000, 100),
    },
  },
);
/**
 * A member's fields, switches, and the account-level opt-out: setting `optedOut` goes through the
 * same rule and history as STOP/START (the member's phone follows, audited with the source).
 */
export const MemberPatch = MemberFields.extend({ optedOut: z.boolean().optional() }).strict();

export const UpdateMember = memberRequest(
  'update',
  'Change member fields, switches and the opt-out (as STOP/START do); each change is audited with its source.',
  { fields: { patch: MemberPatch, source: ChangeSource } },
);
export const ResolveMember = defineRequest({
  subject: 'rpc.preferences.member.resolve',
  askedBy: ['routing'],
  description: 'Find the member with this phone in the workspace, or create one (inbound message).',
  request: WorkspaceScoped.extend({
    phone: E164,
    channel: Channel,
    profileName: z.string().nullable().default(null),
  }),
  response: z.object({ member: Member, created: z.boolean() }),
});
export const SetMemberOptOut = defineRequest({
  subject: 'rpc.preferences.member.set-opt-out',
  askedBy: ['routing'],
  description: 'Opt a member out (STOP...) or back in (START...) for the whole workspace.',
  request: WorkspaceScoped.extend({
    memberId: Id,
    optedOut: z.boolean(),
    channel: Channel,
    source: ChangeSource,
    /**
     * Where the keyword's message sits (see `SourcePosition` in `@app/rules`): applied only when
     * newer than the last STOP/START applied. Absent: applied as of now.
     */
    position: z
      .object({
        /** The inbound's `receivedAt`. */
        at: Timestamp,
        /** Its INBOUND stream sequence: breaks ties within a millisecond. */
        seq: z.number().int().nonnegative(),
      })
      .optional(),
  }),
  response: z.object({ member: Member, changed: z.boolean() }),
});

export const PreferenceChange = z.object({
  id: Id,
  memberId: Id,
  field: z.string(),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  source: ChangeSource,
  changedAt: Timestamp,
});
export const ListPreferenceChanges = memberRequest(
  'changes',
  "A member's preference audit trail, newest first, paged.",
  {
    fields: paging(1000, 100),
    response: Page(PreferenceChange),
  },
);

/** May this send go out? Answered from a cache that member updates invalidate. */
export const CheckSend = defineRequest({
  subject: 'rpc.preferences.send.check',
  askedBy: ['workflow', 'outbound'],
  description: 'Whether a send of this kind on this channel may reach the member, and if not why.',
  request: WorkspaceScoped.extend({ memberId: Id, channel: Channel, kind: SendKind }),
  response: z.discriminatedUnion('allowed', [
    z.object({ allowed: z.literal(true), member: Member }),
    z.object({
      allowed: z.literal(false),
      outcome: z.enum(['skipped', 'failed']),
      reason: z.string(),
      member: Member.nullable(),
    }),
  ]),
});

/**
 * May a send reach this phone? The member with this phone decides, as in `send.check`; a phone
 * no member has is refused only when it sent STOP (opt-outs are recorded by address too).
 */
export const CheckSendToAddress = defineRequest({
  subject: 'rpc.preferences.send.check-address',
  askedBy: ['outbound'],
  description:
    "Whether a send of this kind may reach a phone: its member's checks, or the phone's own opt-out when no member has it.",
  request: WorkspaceScoped.extend({ phone: E164, channel: Channel, kind: SendKind }),
  response: z.discriminatedUnion('allowed', [
    z.object({ allowed: z.literal(true), member: Member.nullable() }),
    z.object({
      allowed: z.literal(false),
      outcome: z.enum(['skipped', 'failed']),
      reason: z.string(),
      member: Member.nullable(),
    }),
  ]),
});

export const MemberCacheInvalidation = z.object({
  workspaceId: Id,
  memberId: Id,
  /** The replica that made the change (it already dropped its own copy). */
  origin: z.string(),
});

/**
 * A preferences replica that changed a member tells every other replica to drop its cached copy,
 * so CheckSend answers from a cache without serving a stale switch for longer than the publish
 * takes. Every replica listens without a queue group.
 */
export const MemberChanged = defineBroadcast({
  subject: 'cache.preferences.member-changed',
  publishers: ['preferences'],
  listeners: ['preferences'],
  description: 'A member changed: every preferences replica drops it from its send-check cache.',
  schema: MemberCacheInvalidation,
});
export const MEMBER_CACHE_INVALIDATION_SUBJECT = MemberChanged.subject;
export type MemberCacheInvalidation = z.infer<typeof MemberCacheInvalidation>;

/**
 * Erase a member everywhere: preferences deletes the member and their preference history, records
 * the erasure (who, when, the member id: nothing else) and publishes MemberErased, on which every
 * other service erases its own data. Idempotent: erasing an erased member answers the first
 * erasure (and publishes the event again); a member that never existed is not_found.
 */
export const EraseMember = memberRequest(
  'erase',
  'Erase a member and their history, audited (who, when, member id), and announce it with events.member.erased.',
  {
    fields: {
      /** Who asked: `key:<id>`, `user:<id>` or `operator`; never a secret. */
      erasedBy: z.string().min(1).max(200),
    },
    response: z.object({ memberId: Id, erasedAt: Timestamp, erasedBy: z.string() }),
  },
);

export const MemberErased = defineEvent({
  subject: 'events.member.erased',
  stream: 'EVENTS',
  publishers: ['preferences'],
  consumers: ['chats', 'outbound', 'workflow'],
  description:
    "A member was erased: each consumer deletes or blanks its own data about them (chats: their chats' messages and media; outbound: sends' addresses and bodies; workflow: runs' per-member data). Nats-Msg-Id = member.erased:<memberId>.",
  schema: z.object({
    workspaceId: Id,
    memberId: Id,
    /** SHA-256 (hex) of the member's E.164 phone, for rows kept by address; null without a phone. */
    phoneSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    erasedAt: Timestamp,
  }),
});
export type MemberErased = z.infer<typeof MemberErased.schema>;
