import {
  SKIP_REASONS,
  type Channel,
  type PhoneNumber,
  type SendRequest,
  type WorkspaceSummary,
} from '@app/contracts';

/** A check that stops a send: stored with its reason, never handed to Twilio. */
export interface Refusal {
  status: 'skipped' | 'failed';
  reason: string;
}

export const REASONS = {
  ...SKIP_REASONS,
  memberHasNoPhone: 'Member has no phone number: add one to reach them.',
  outsideWindow:
    "Outside WhatsApp's 24-hour window (the member has not written on WhatsApp in the last 24 hours): free-form text needs an approved template (contentSid).",
} as const;

/** Workspace feature, then the number's channel and archive state, in that order. */
export function checkSender(
  channel: Channel,
  sender: { workspace: WorkspaceSummary; phoneNumber: PhoneNumber },
): Refusal | null {
  if (channel === 'whatsapp' && !sender.workspace.features.includes('whatsapp')) {
    return { status: 'skipped', reason: REASONS.workspaceLacksWhatsapp };
  }
  if (sender.phoneNumber.archived) return { status: 'failed', reason: REASONS.numberArchived };
  if (channel === 'whatsapp' && !sender.phoneNumber.whatsappEnabled)
    return { status: 'failed', reason: REASONS.numberLacksWhatsapp };
  if (channel === 'sms' && !sender.phoneNumber.smsEnabled)
    return { status: 'failed', reason: REASONS.numberLacksSms };
  return null;
}

/**
 * A reply addressed to a phone, not a member: routing's notice to someone who wrote on a channel
 * this number does not take (its "disabled message"). It answers a message Twilio just delivered
 * on that channel, so it goes back on it whatever our switches say, inside the window that
 * message opened; only an archived number stays silent.
 */
export function isNoticeToSender(request: Pick<SendRequest, 'kind' | 'memberId' | 'to'>): boolean {
  return request.kind === 'reply' && request.memberId === undefined && request.to !== undefined;
}

export function archivedRefusal(sender: { phoneNumber: PhoneNumber }): Refusal | null {
  return sender.phoneNumber.archived ? { status: 'failed', reason: REASONS.numberArchived } : null;
}

export const WINDOW_MS = 24 * 60 * 60 * 1000;

/** Whether a free-form WhatsApp message may go: only inside 24 hours of the member's last inbound message. */
export function needsWindow(request: Pick<SendRequest, 'channel' | 'contentSid'>): boolean {
  return request.channel === 'whatsapp' && request.contentSid === undefined;
}

export function isWindowOpen(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < WINDOW_MS;
}

/** The rate a sender may hand to Twilio: the number's own, else the channel's default. */
export function senderRate(
  phoneNumber: Pick<PhoneNumber, 'sendRatePerSecond'>,
  channel: Channel,
  defaults: Record<Channel, number>,
): number {
  return phoneNumber.sendRatePerSecond ?? defaults[channel];
}
