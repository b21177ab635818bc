import type { Channel, PhoneNumber, SendAction, WorkspaceSummary } from '@app/contracts';
import { checkSender } from '@app/rules';
import { failed, skipped, type ActionOutcome } from './action-outcome';

export interface Sender {
  workspace: WorkspaceSummary;
  phoneNumber: PhoneNumber;
}

export const actionChannel = (action: SendAction): Channel =>
  action.type === 'send_whatsapp' ? 'whatsapp' : 'sms';

/**
 * The cheap checks before asking outbound (the workspace feature, the number's archive state and
 * channel switch), answered here without a round trip, as the run log records them.
 */
export function senderRefusal(channel: Channel, sender: Sender): ActionOutcome | null {
  const refusal = checkSender(channel, sender, 'system');
  if (!refusal) return null;
  return refusal.status === 'skipped' ? skipped(refusal.reason) : failed(refusal.reason);
}
