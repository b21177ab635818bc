import {
  SKIP_REASONS,
  type Channel,
  type PhoneNumber,
  type SendAction,
  type WorkspaceSummary,
} from '@app/contracts';
import { failed, skipped, type ActionOutcome } from './action-outcome';

export interface Sender {
  workspace: WorkspaceSummary;
  phoneNumber: PhoneNumber;
}

export const actionChannel = (action: SendAction): Channel =>
  action.type === 'send_whatsapp' ? 'whatsapp' : 'sms';

/**
 * The cheap checks before asking outbound, with outbound's texts (SKIP_REASONS), in the order operators read them: the workspace
 * feature (skip), then the number's archive state and channel switch (fail).
 */
export function checkSender(channel: Channel, sender: Sender): ActionOutcome | null {
  if (channel === 'whatsapp' && !sender.workspace.features.includes('whatsapp'))
    return skipped(SKIP_REASONS.workspaceLacksWhatsapp);
  if (sender.phoneNumber.archived) return failed(SKIP_REASONS.numberArchived);
  if (channel === 'whatsapp' && !sender.phoneNumber.whatsappEnabled)
    return failed(SKIP_REASONS.numberLacksWhatsapp);
  if (channel === 'sms' && !sender.phoneNumber.smsEnabled) return failed(SKIP_REASONS.numberLacksSms);
  return null;
}
