import { maskPhone } from '@app/rules';

/** The messaging channels carried by one Twilio number. */
export type TwilioChannel = 'sms' | 'whatsapp';

export const TWILIO_CHANNELS: readonly TwilioChannel[] = ['sms', 'whatsapp'];

export interface TwilioAddress {
  channel: TwilioChannel;
  /** The bare phone number, without any channel prefix (E.164 when Twilio sent it). */
  phone: string;
}

const WHATSAPP_PREFIX = 'whatsapp:';
// One home for masking (the console shows masked phones too): re-exported for the services' logs.
export { maskPhone };

const PREFIX_PATTERN = /^([a-z][a-z0-9-]*):/i;

/**
 * Splits a Twilio address (`whatsapp:+15551234567` or `+15551234567`) into channel and phone.
 * Throws on a channel this system does not carry (`messenger:...`, `rcs:...`).
 */
export function parseTwilioAddress(address: string): TwilioAddress {
  const parsed = tryParseTwilioAddress(address);
  if (!parsed) {
    throw new Error(`Unsupported Twilio address: ${JSON.stringify(maskAddress(address))}`);
  }
  return parsed;
}

/** Like {@link parseTwilioAddress}, but answers `null` for an empty address or an unknown channel. */
export function tryParseTwilioAddress(address: string | null | undefined): TwilioAddress | null {
  const trimmed = (address ?? '').trim();
  if (!trimmed) return null;
  const prefix = PREFIX_PATTERN.exec(trimmed);
  if (!prefix) return { channel: 'sms', phone: trimmed };
  if (prefix[0].toLowerCase() !== WHATSAPP_PREFIX) return null;
  const phone = trimmed.slice(WHATSAPP_PREFIX.length).trim();
  return phone ? { channel: 'whatsapp', phone } : null;
}

/** Builds the address Twilio expects for a channel: `whatsapp:+1555...` or the bare phone for SMS. */
export function toTwilioAddress(channel: TwilioChannel, phone: string): string {
  const bare = stripChannelPrefix(phone);
  return channel === 'whatsapp' ? `${WHATSAPP_PREFIX}${bare}` : bare;
}

/** The phone part of an address, whatever its channel prefix. */
export function stripChannelPrefix(address: string): string {
  return address.trim().replace(PREFIX_PATTERN, '').trim();
}

function maskAddress(address: string): string {
  return address.length > 40 ? `${address.slice(0, 40)}...` : maskPhone(address);
}
