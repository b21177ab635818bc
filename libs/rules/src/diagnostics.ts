import type { MediaRefusal } from './media';
import type { TurnVerdict } from './work-mode';

/**
 * What a diagnostics record is about: an inbound message routing dropped, a file a member sent
 * that was not kept, a turn the workflow did not take, a send outbound did not hand to Twilio
 * (skipped or failed its checks), or one Twilio accepted and could not deliver.
 */
export const DIAGNOSTIC_KINDS = [
  'inbound_rejected',
  'media_refused',
  'turn_skipped',
  'send_skipped',
  'send_failed',
  'delivery_failed',
] as const;
export type DiagnosticKind = (typeof DIAGNOSTIC_KINDS)[number];

/** Why routing dropped an inbound message, in words an operator can act on. */
export const INBOUND_REJECTION_REASONS = {
  invalid_address:
    'The message did not name a valid sender and recipient (E.164, same channel on both): it was dropped.',
  unknown_number:
    'The message was sent to a number no workspace has: add the number in Phone numbers (and, for WhatsApp, register it with WhatsApp Business in Twilio).',
  archived_number: 'The message was sent to an archived number: restore the number to receive on it.',
  whatsapp_feature_off:
    'WhatsApp message dropped: the workspace does not have the WhatsApp feature (ask your organisation admin).',
  whatsapp_disabled:
    'WhatsApp message dropped: WhatsApp is turned off on this phone number (open the number, turn on WhatsApp, Save).',
  sms_disabled: 'SMS dropped: SMS is turned off on this phone number (open the number, turn on SMS, Save).',
} as const;
export type InboundRejection = keyof typeof INBOUND_REJECTION_REASONS;

/** Why the workflow did not answer a message that was accepted and stored. */
export const TURN_SKIP_REASONS = {
  no_default_workflow:
    'No workflow answered: the phone number has no default workflow (set one on the number; SMS and WhatsApp share it).',
  workflow_missing:
    "No workflow answered: the number's default workflow (or the chat's) no longer exists in this workspace.",
  keyword_opt_out:
    'The message was an opt-out keyword (such as STOP): the member was opted out, not answered.',
  keyword_opt_in:
    'The message was an opt-in keyword (such as START): the member was opted back in, not answered.',
  keyword_help:
    'The message was a help keyword (such as HELP): the help text was sent instead of a workflow answer.',
  opted_out:
    'The member has opted out (replied STOP): the workflow does not answer them until they opt back in.',
  off_hours:
    "Outside the number's business hours: the off-hours message was sent instead of a workflow answer.",
  held_by_person: 'A person has taken over this chat: the workflow does not answer while they hold it.',
  waiting_for_person: 'The chat is waiting for a person (handed off): the workflow does not answer it.',
  human_mode: 'The number is answered by people only (work mode "human"): the workflow does not answer.',
} as const satisfies Record<string, string> &
  Record<Exclude<TurnVerdict, { answer: true }>['reason'], string>;
export type TurnSkip = keyof typeof TURN_SKIP_REASONS;

/** The human reason of an inbound rejection. */
export const inboundRejectionReason = (code: InboundRejection): string => INBOUND_REJECTION_REASONS[code];

/** The human reason of a skipped turn; a code we have no words for is still said, not hidden. */
export function turnSkipReason(code: string): string {
  return (TURN_SKIP_REASONS as Record<string, string>)[code] ?? `The workflow did not answer (${code}).`;
}

/** The human reason for a file that was not kept, as the diagnostics feed says it. */
export function mediaRefusalReason(refusal: Pick<MediaRefusal, 'reason'> & { code: string }): string {
  const what =
    refusal.code === 'download_failed'
      ? 'could not be downloaded from Twilio'
      : refusal.code === 'too_large'
        ? 'is too large to keep'
        : 'is of a type we do not keep';
  return `A file the member sent ${what}: ${refusal.reason}.`;
}
