/**
 * Switches of a new member, however it is created (API, inbound message, import). WhatsApp is
 * opt-in: a member must be switched on before the system starts WhatsApp conversations.
 */
export const DEFAULT_SWITCHES = {
  notifySms: true,
  notifyEmail: true,
  notifyVoice: true,
  notifyWhatsapp: false,
} as const;

export const SWITCH_FIELDS = ['notifySms', 'notifyEmail', 'notifyVoice', 'notifyWhatsapp'] as const;
export type SwitchField = (typeof SWITCH_FIELDS)[number];
/** Audited fields: the switches and the account-level opt-out. */
export type AuditedField = SwitchField | 'optedOut';

export interface FieldChange {
  field: AuditedField;
  oldValue: boolean;
  newValue: boolean;
}

/** The switches a patch really changes (a patch repeating the current value changes nothing). */
export function switchChanges(
  current: Record<SwitchField, boolean>,
  patch: Partial<Record<SwitchField, boolean>>,
): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of SWITCH_FIELDS) {
    const next = patch[field];
    if (next !== undefined && next !== current[field])
      out.push({ field, oldValue: current[field], newValue: next });
  }
  return out;
}
