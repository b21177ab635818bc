import { OPTED_OUT_REASON, SKIP_REASONS, type Channel, type Member, type SendKind } from '@app/contracts';

export type SendDecision =
  | { allowed: true; member: Member }
  | { allowed: false; outcome: 'skipped' | 'failed'; reason: string; member: Member | null };

export const MEMBER_NOT_FOUND_REASON = 'Member not found.';

/**
 * May a send of this kind on this channel reach the member? Compliance messages (STOP/START/HELP
 * confirmations) always go; replies to a member who wrote in stop only at opt-out; sends the
 * system starts also need the channel's notification switch on.
 */
export function decideSend(member: Member | null, channel: Channel, kind: SendKind): SendDecision {
  if (!member) return { allowed: false, outcome: 'failed', reason: MEMBER_NOT_FOUND_REASON, member: null };
  if (kind === 'compliance') return { allowed: true, member };
  if (kind === 'system') {
    if (channel === 'whatsapp' && !member.notifyWhatsapp)
      return { allowed: false, outcome: 'skipped', reason: SKIP_REASONS.memberWhatsappOff, member };
    if (channel === 'sms' && !member.notifySms)
      return { allowed: false, outcome: 'skipped', reason: SKIP_REASONS.memberSmsOff, member };
  }
  if (member.optedOut) return { allowed: false, outcome: 'skipped', reason: OPTED_OUT_REASON, member };
  return { allowed: true, member };
}
