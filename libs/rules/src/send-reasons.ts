/**
 * Why a send did not go, in the exact words operators see on send records, run logs and API
 * answers. Other services and tests match on these texts: change one only on purpose.
 */
export const SEND_REASONS = {
  workspaceLacksWhatsapp: 'Workspace does not have WhatsApp feature enabled.',
  numberLacksWhatsapp: 'Phone number does not have WhatsApp enabled.',
  numberLacksSms: 'Phone number does not have SMS enabled.',
  numberArchived: 'Phone number is archived: restore it or send from another number.',
  numberNotFound: 'Phone number not found in this workspace.',
  memberWhatsappOff: 'Member has WhatsApp notifications disabled.',
  memberSmsOff: 'Member has SMS notifications disabled.',
  memberOptedOut: 'Member has opted out of messages (replied STOP).',
  /** Outbound's word when the member id names nobody in the workspace. */
  memberNotFound: 'Member not found in this workspace.',
  /** Preferences' word for the same, in its answer to "may I send?". */
  memberUnknown: 'Member not found.',
  memberHasNoPhone: 'Member has no phone number: add one to reach them.',
  addressOptedOut: 'This phone number has opted out of messages (replied STOP).',
  noRecipient: 'The send has neither a member nor an address.',
  dailyQuotaReached:
    "The workspace has used today's send quota (set by the operator; counted per UTC day): sends go again after midnight UTC.",
  /** Twilio's 63015, said before the send instead of after a failed one. */
  sandboxNotJoined:
    'The member has not joined this WhatsApp sandbox (Twilio error 63015): ask them to send "join <code>" to the sandbox number first.',
  outsideWindow:
    "Outside WhatsApp's 24-hour window (the member has not written on WhatsApp in the last 24 hours): free-form text needs an approved template (contentSid).",
} as const;

/** A check that stops a send: stored with its reason, never handed to Twilio. */
export interface Refusal {
  status: 'skipped' | 'failed';
  reason: string;
}

export const skip = (reason: string): Refusal => ({ status: 'skipped', reason });
export const fail = (reason: string): Refusal => ({ status: 'failed', reason });
