import { z } from 'zod';
import {
  DEFAULT_INACTIVITY_CLOSE_AFTER,
  DEFAULT_KEYWORDS,
  defaultKeywordLists,
  parseInactivityCloseAfter,
  WORK_MODES,
} from '@app/rules';
import { E164, Feature, Id, Timestamp, WorkspaceScoped } from './common';
import { defineRequest, requestsAbout } from './define';

/** Sends a workspace may have accepted per UTC day, set by the operator; null: no quota. */
export const DailySendQuota = z
  .number()
  .int()
  .min(0)
  .max(100_000_000)
  .nullable()
  .meta({ description: 'Sends accepted per UTC day at most (operator); null: no quota.', example: 5000 });

export const Workspace = z.object({
  id: Id,
  name: z.string(),
  features: z.array(Feature),
  // A default, so answers from before the quota existed still parse.
  dailySendQuota: DailySendQuota.default(null),
  createdAt: Timestamp,
});
export type Workspace = z.infer<typeof Workspace>;

/** What events carry about the workspace, so consumers need not ask. */
export const WorkspaceSummary = Workspace.pick({ id: true, name: true, features: true });
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

/** Opening hours in a time zone; a day missing from `days` is closed all day. */
export const BusinessHours = z.object({
  timeZone: z.string().min(1),
  // partialRecord: zod 4's record over an enum requires every key, but a missing day means closed.
  days: z.partialRecord(
    z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
    z.array(z.object({ open: z.string().regex(/^\d{2}:\d{2}$/), close: z.string().regex(/^\d{2}:\d{2}$/) })),
  ),
});
export type BusinessHours = z.infer<typeof BusinessHours>;

/** Outbound's body limit: a text we send back must fit in one send request. */
const Reply = z.string().trim().min(1).max(1600);

/** A number's keyword lists as in force: the defaults (Twilio's, plus OPTOUT and REVOKE) until edited. */
export const KeywordLists = z
  .object({ optOut: z.array(z.string()), optIn: z.array(z.string()), help: z.array(z.string()) })
  .meta({ example: DEFAULT_KEYWORDS });
/** The texts a number answers its keywords with; null: the default text, naming the brand. */
export const KeywordReplies = z
  .object({ optOut: z.string().nullable(), optIn: z.string().nullable(), help: z.string().nullable() })
  .meta({
    example: {
      optOut: 'Sunrise Dental: you will get no more messages. Reply START to return.',
      optIn: null,
      help: null,
    },
  });
/** How long a chat of the number stays open without a message (ISO 8601: days, hours, minutes). */
export const InactivityCloseAfter = z
  .string()
  .superRefine((value, ctx) => {
    const parsed = parseInactivityCloseAfter(value);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({ example: 'PT24H' });

/** The words after `join` that Twilio's WhatsApp sandbox gives a number (`bright-tiger`). */
export const SandboxJoinCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/i, 'a join code is words joined by hyphens, such as bright-tiger')
  .max(60)
  .meta({ example: 'bright-tiger' });

/** Every keyword answered with its default text. */
export const noKeywordReplies = () => ({ optOut: null, optIn: null, help: null });

const WorkModeField = z.enum(WORK_MODES).meta({ example: 'ai_with_handoff' });
// Seconds; a second at least (tests use a few), a week at most.
const HandoffTimeout = z.number().int().min(1).max(604_800).meta({ example: 300 });

export const PhoneNumber = z.object({
  id: Id,
  workspaceId: Id,
  number: E164,
  smsEnabled: z.boolean(),
  whatsappEnabled: z.boolean(),
  /** A Twilio WhatsApp sandbox number: members must send the join code first. */
  whatsappSandbox: z.boolean(),
  /** The sandbox's join code (a member sends `join <code>`); null: any `join ...` message counts. */
  whatsappSandboxJoinCode: SandboxJoinCode.nullable().default(null),
  defaultWorkflowId: Id.nullable(),
  smsDisabledMessage: z.string().nullable(),
  brandName: z.string().nullable(),
  offHoursMessage: z.string().nullable(),
  businessHours: BusinessHours.nullable(),
  /** Messages per second this sender may hand to Twilio; null = the channel's default. */
  sendRatePerSecond: z.number().positive().max(10_000).nullable(),
  // Defaults let events published before these settings existed still parse.
  keywords: KeywordLists.default(defaultKeywordLists),
  keywordReplies: KeywordReplies.default(noKeywordReplies),
  /** A chat closes after this long without a message; the next message opens a new chat. */
  inactivityCloseAfter: InactivityCloseAfter.default(DEFAULT_INACTIVITY_CLOSE_AFTER),
  /** Who answers: `ai` (the default workflow), `human` (nobody automatically; chats wait in the inbox), `ai_with_handoff`. */
  workMode: WorkModeField.default('ai'),
  /** After a handoff nobody took over for this long, the holding message goes out (once); null: never. */
  handoffTimeoutSeconds: HandoffTimeout.nullable().default(null),
  holdingMessage: z
    .string()
    .nullable()
    .default(null)
    .meta({ example: 'Thanks for waiting: a member of our team will answer you shortly.' }),
  archived: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;

export const PhoneNumberFields = PhoneNumber.pick({
  smsEnabled: true,
  whatsappEnabled: true,
  whatsappSandbox: true,
  defaultWorkflowId: true,
  smsDisabledMessage: true,
  brandName: true,
  offHoursMessage: true,
  businessHours: true,
  sendRatePerSecond: true,
})
  .partial()
  .extend({
    inactivityCloseAfter: InactivityCloseAfter.optional(),
    whatsappSandboxJoinCode: SandboxJoinCode.nullable().optional(),
  })
  .extend({
    // Not picked from PhoneNumber: its defaults would reset them on every patch.
    workMode: WorkModeField.optional(),
    handoffTimeoutSeconds: HandoffTimeout.nullable().optional(),
    /** Replaces the lists given (a whole message, any case, punctuation ignored); null restores the defaults. */
    keywords: z
      .object({
        optOut: z.array(z.string().max(100)).max(50),
        optIn: z.array(z.string().max(100)).max(50),
        help: z.array(z.string().max(100)).max(50),
      })
      .partial()
      .strict()
      .nullable()
      .optional()
      .meta({ example: { optOut: ['STOP', 'ARRET'], optIn: ['START'] } }),
    holdingMessage: Reply.nullable()
      .optional()
      .meta({ example: 'Thanks for waiting: a person will answer shortly.' }),
    /** Replaces the texts given (null: back to the default for that keyword); null restores all defaults. */
    keywordReplies: z
      .object({ optOut: Reply.nullable(), optIn: Reply.nullable(), help: Reply.nullable() })
      .partial()
      .strict()
      .nullable()
      .optional()
      .meta({ example: { help: 'Sunrise Dental: call us on +15551234567. Reply STOP to stop.' } }),
  });

export const CreateWorkspace = defineRequest({
  subject: 'rpc.routing.workspace.create',
  askedBy: ['api'],
  description: 'Create a workspace (operator).',
  request: z.object({ name: z.string().trim().min(1).max(200) }),
  response: Workspace,
});
export const GetWorkspace = defineRequest({
  subject: 'rpc.routing.workspace.get',
  askedBy: ['api'],
  description: 'Read a workspace.',
  request: WorkspaceScoped,
  response: Workspace,
});
export const ListWorkspaces = defineRequest({
  subject: 'rpc.routing.workspace.list',
  askedBy: ['api'],
  description: 'Every workspace by name (operator), or only those with the given ids.',
  request: z.object({ ids: z.array(Id).max(1000).optional() }),
  response: z.object({ items: z.array(Workspace) }),
});
export const UpdateWorkspace = defineRequest({
  subject: 'rpc.routing.workspace.update',
  askedBy: ['api'],
  description: "Change a workspace's operator settings: its daily send quota (operator).",
  request: WorkspaceScoped.extend({
    patch: z.object({ dailySendQuota: DailySendQuota.optional() }).strict(),
  }),
  response: Workspace,
});
export const SetWorkspaceFeature = defineRequest({
  subject: 'rpc.routing.workspace.set-feature',
  askedBy: ['api'],
  description: 'Switch a workspace feature on or off (operator).',
  request: WorkspaceScoped.extend({ feature: Feature, enabled: z.boolean() }),
  response: Workspace,
});

export const CreatePhoneNumber = defineRequest({
  subject: 'rpc.routing.phone-number.create',
  askedBy: ['api'],
  description:
    'Add a Twilio number to a workspace. WhatsApp on needs the workspace feature; a number another workspace archived needs reassign (operator).',
  request: WorkspaceScoped.extend({
    number: z.string(),
    /** Take a number another workspace had (archived there): the operator's decision, never a workspace's. */
    reassign: z.boolean().optional(),
  }).extend(PhoneNumberFields.shape),
  response: PhoneNumber,
});
const numberRequest = requestsAbout('rpc.routing.phone-number', 'phoneNumberId', PhoneNumber);
export const GetPhoneNumber = numberRequest('get', 'Read one number of a workspace.');
export const ListPhoneNumbers = numberRequest.list("List a workspace's numbers.", {
  fields: { includeArchived: z.boolean().default(false) },
});
export const UpdatePhoneNumber = numberRequest(
  'update',
  "Change a number's settings. WhatsApp on needs the workspace feature.",
  { fields: { patch: PhoneNumberFields } },
);
export const ArchivePhoneNumber = numberRequest(
  'archive',
  'Archive a number: it stops receiving and sending.',
);

/** Everything a sender needs to know about a number before a send: used by outbound and workflow. */
export const GetSender = defineRequest({
  subject: 'rpc.routing.sender.get',
  askedBy: ['workflow', 'outbound'],
  description: 'A number with its workspace (features, daily send quota), for pre-send checks.',
  request: WorkspaceScoped.extend({ phoneNumberId: Id }),
  response: z.object({
    workspace: WorkspaceSummary,
    phoneNumber: PhoneNumber,
    dailySendQuota: DailySendQuota.default(null),
  }),
});

/** Whether a member's address joined a WhatsApp sandbox number (routing saw `join <code>` from it). */
export const GetSandboxMembership = defineRequest({
  subject: 'rpc.routing.sandbox.membership',
  askedBy: ['outbound'],
  description:
    'Has this address sent the join code to this sandbox number? Asked before a WhatsApp send from a sandbox number (Twilio would fail it with 63015).',
  request: WorkspaceScoped.extend({ phoneNumberId: Id, address: E164 }),
  response: z.object({ joined: z.boolean(), joinedAt: Timestamp.nullable() }),
});
