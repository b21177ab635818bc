import { SKIP_REASONS, type Channel, type PhoneNumber, type SendAction, type WorkspaceSummary } from '@app/contracts';
import { failed, skipped, type ActionOutcome } from './action-outcome';

export interface Sender {
  workspace: WorkspaceSummary;
  phoneNumber: PhoneNumber;
}

/** Texts outbound uses for the same refusals (kept equal so the run log reads the same either way). */
export const SENDER_REASONS = {
  ...SKIP_REASONS,
  numberNotFound: 'Phone number not found in this workspace.',
  numberArchived: 'Phone number is archived: restore it or send from another number.',
  numberLacksSms: 'Phone number does not have SMS enabled.',
  memberNotFound: 'Member not found in this workspace.',
} as const;

export const actionChannel = (action: SendAction): Channel => (action.type === 'send_whatsapp' ? 'whatsapp' : 'sms');

/**
 * The cheap checks before asking outbound, in the order operators read them: the workspace
 * feature (skip), then the number's archive state and channel switch (fail).
 */
export function checkSender(channel: Channel, sender: Sender): ActionOutcome | null {
  if (channel === 'whatsapp' && !sender.workspace.features.includes('whatsapp')) return skipped(SENDER_REASONS.workspaceLacksWhatsapp);
  if (sender.phoneNumber.archived) return failed(SENDER_REASONS.numberArchived);
  if (channel === 'whatsapp' && !sender.phoneNumber.whatsappEnabled) return failed(SENDER_REASONS.numberLacksWhatsapp);
  if (channel === 'sms' && !sender.phoneNumber.smsEnabled) return failed(SENDER_REASONS.numberLacksSms);
  return null;
}
