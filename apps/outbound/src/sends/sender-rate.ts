import type { Channel, PhoneNumber } from '@app/contracts';

/** The rate a sender may hand to Twilio: the number's own, else the channel's default. */
export function senderRate(
  phoneNumber: Pick<PhoneNumber, 'sendRatePerSecond'>,
  channel: Channel,
  defaults: Record<Channel, number>,
): number {
  return phoneNumber.sendRatePerSecond ?? defaults[channel];
}
