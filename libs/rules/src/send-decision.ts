import type { Channel } from './channels';
import type { SendKind } from './send-kinds';
import { SEND_REASONS } from './send-reasons';

/** What the send decision reads of a member. */
export interface Recipient {
  optedOut: boolean;
  notifySms: boolean;
  notifyWhatsapp: boolean;
}

export type SendDecision<M> =
  | { allowed: true; member: M }
  | { allowed: false; outcome: 'skipped' | 'failed'; reason: string; member: M | null };

/**
 * May a send of this kind on this channel reach the member? Compliance messages (STOP/START/HELP
 * confirmations) always go; replies and notices stop only at opt-out; sends the system starts
 * also need the channel's notification switch on (checked first, so the reason names it).
 */
export function decideSend<M extends Recipient>(
  member: M | null,
  channel: Channel,
  kind: SendKind,
): SendDecision<M> {
  if (!member) return { allowed: false, outcome: 'failed', reason: SEND_REASONS.memberUnknown, member: null };
  if (kind === 'compliance') return { allowed: true, member };
  if (kind === 'system') {
    if (channel === 'whatsapp' && !member.notifyWhatsapp)
      return { allowed: false, outcome: 'skipped', reason: SEND_REASONS.memberWhatsappOff, member };
    if (channel === 'sms' && !member.notifySms)
      return { allowed: false, outcome: 'skipped', reason: SEND_REASONS.memberSmsOff, member };
  }
  if (member.optedOut)
    return { allowed: false, outcome: 'skipped', reason: SEND_REASONS.memberOptedOut, member };
  return { allowed: true, member };
}

/**
 * The same question for an address no member has: only its opt-out is known (a STOP recorded by
 * address), so only that stops it. Compliance messages still go.
 */
export function decideAddressSend(
  address: { optedOut: boolean },
  kind: SendKind,
): { allowed: true } | { allowed: false; outcome: 'skipped'; reason: string } {
  if (kind !== 'compliance' && address.optedOut)
    return { allowed: false, outcome: 'skipped', reason: SEND_REASONS.addressOptedOut };
  return { allowed: true };
}
