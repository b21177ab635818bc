import { z } from 'zod';
import { DIAGNOSTIC_KINDS } from '@app/rules';
import { Channel, Id, Timestamp } from './common';
import { defineEvent } from './define';

export const DiagnosticKind = z.enum(DIAGNOSTIC_KINDS);
export type DiagnosticKind = z.infer<typeof DiagnosticKind>;

/** What a record points at, each null when it does not apply. */
export const DiagnosticLinks = z.object({
  phoneNumberId: Id.nullable().default(null),
  memberId: Id.nullable().default(null),
  chatId: Id.nullable().default(null),
  /** The inbound message (Twilio's MessageSid) or the Twilio message of a failed delivery. */
  messageSid: z.string().max(64).nullable().default(null),
  sendId: Id.nullable().default(null),
  /** The action run of an event rule or a routine that asked for the send. */
  ruleRunId: Id.nullable().default(null),
  routineRunId: Id.nullable().default(null),
});
export type DiagnosticLinks = z.infer<typeof DiagnosticLinks>;

export const DiagnosticRecorded = defineEvent({
  subject: 'diagnostics.recorded',
  publishers: ['routing', 'chats', 'workflow', 'outbound'],
  consumers: ['api'],
  stream: 'DIAGNOSTICS',
  description:
    "Something did not happen, and why: an inbound message routing dropped, a file not kept, a turn the workflow skipped, a send outbound refused or Twilio could not deliver (key send:<sendId>:<status>). The api keeps it for the workspace's diagnostics (GET /v1/diagnostics). Nats-Msg-Id = diagnosticMsgId(record): diag:<workspaceId or none>:<key>.",
  schema: z.object({
    /** Unique per workspace and deterministic (`inbound:<MessageSid>`), so a redelivery records nothing new. */
    key: z.string().min(1).max(200),
    /** Null for a message to a number no workspace has (kept for the operator). */
    workspaceId: Id.nullable(),
    kind: DiagnosticKind,
    /** A stable code for the reason (`whatsapp_disabled`, `no_default_workflow`, `too_large`...). */
    code: z.string().min(1).max(100),
    /** The reason in words (from @app/rules). */
    reason: z.string().min(1).max(1000),
    channel: Channel.nullable(),
    /** The member's address, masked (maskPhone): a diagnostics record never holds a whole number. */
    address: z.string().max(40).nullable(),
    links: DiagnosticLinks,
    occurredAt: Timestamp,
  }),
});
export type DiagnosticRecorded = z.infer<typeof DiagnosticRecorded.schema>;

/** The Nats-Msg-Id of a diagnostics record: keys are unique per workspace, so the workspace is part of it. */
export const diagnosticMsgId = (record: Pick<DiagnosticRecorded, 'workspaceId' | 'key'>): string =>
  `diag:${record.workspaceId ?? 'none'}:${record.key}`;
