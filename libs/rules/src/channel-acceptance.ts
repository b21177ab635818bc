import type { Channel } from './channels';
import type { SendKind } from './send-kinds';
import { fail, SEND_REASONS, skip, type Refusal } from './send-reasons';

/** What the channel rules read of a workspace and of its number. */
export interface ChannelSettings {
  workspace: { features: readonly string[] };
  phoneNumber: { smsEnabled: boolean; whatsappEnabled: boolean; archived: boolean };
}

export type ChannelClosure = 'whatsapp_feature_off' | 'whatsapp_disabled' | 'sms_disabled';

/**
 * Why a channel is closed on a number, or null when it is open: WhatsApp needs the workspace
 * feature (checked first) and the number's switch; SMS needs the number's switch. Inbound
 * messages on a closed channel are rejected; sends on one are refused.
 */
export function channelClosure(
  channel: Channel,
  workspace: ChannelSettings['workspace'],
  number: Pick<ChannelSettings['phoneNumber'], 'smsEnabled' | 'whatsappEnabled'>,
): ChannelClosure | null {
  if (channel === 'whatsapp') {
    if (!workspace.features.includes('whatsapp')) return 'whatsapp_feature_off';
    return number.whatsappEnabled ? null : 'whatsapp_disabled';
  }
  return number.smsEnabled ? null : 'sms_disabled';
}

/**
 * May this number send on this channel? The workspace feature (skip), then the number's archive
 * state and channel switch (fail), in the order operators read them. A notice answers a message
 * Twilio just delivered on that channel, so it goes back on it whatever our switches say; only an
 * archived number stays silent.
 */
export function checkSender(channel: Channel, sender: ChannelSettings, kind: SendKind): Refusal | null {
  if (kind !== 'notice') {
    const closure = channelClosure(channel, sender.workspace, sender.phoneNumber);
    if (closure === 'whatsapp_feature_off') return skip(SEND_REASONS.workspaceLacksWhatsapp);
    if (sender.phoneNumber.archived) return fail(SEND_REASONS.numberArchived);
    if (closure === 'whatsapp_disabled') return fail(SEND_REASONS.numberLacksWhatsapp);
    if (closure === 'sms_disabled') return fail(SEND_REASONS.numberLacksSms);
    return null;
  }
  return sender.phoneNumber.archived ? fail(SEND_REASONS.numberArchived) : null;
}
