import type { Channel } from './channels';

/**
 * The rate a sender may send at: the number's own, else the channel's default. Outbound books its
 * sends' slots at this rate; a routine hands its sends to outbound at it.
 */
export function senderRate(
  phoneNumber: { sendRatePerSecond: number | null },
  channel: Channel,
  defaults: Record<Channel, number>,
): number {
  return phoneNumber.sendRatePerSecond ?? defaults[channel];
}
