import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** How the product writes a phone number in examples and error messages. */
export const E164_EXAMPLE = '+15551234567';

/**
 * A phone number as people write it ("+1 (415) 555-2671", or "(415) 555-2671" with a default
 * country) in E.164, or null. The whole text must be the number: no surrounding words, no
 * channel prefix, no extension. "Valid" means it parses and has a possible length for its
 * country: range checks would refuse reserved test ranges (+1 555 ...) that carriers and
 * Twilio's tooling use, and numbers Twilio sends us are real by definition.
 */
export function normalisePhone(raw: string, defaultCountry?: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), { defaultCountry, extract: false });
  if (!parsed || !parsed.isPossible() || parsed.ext) return null;
  return parsed.number;
}

/** Values recently checked by isE164: every message carries the same few phones again and again. */
const checked = new Map<string, boolean>();
const CHECKED_MAX = 10_000;

/**
 * True for a phone number already written in E.164 (`+15551234567`): what every message and
 * record carries. Contracts validate each phone on each hop, and a parse costs tens of
 * microseconds, so answers are remembered (bounded, oldest forgotten first).
 */
export function isE164(value: string): boolean {
  const known = checked.get(value);
  if (known !== undefined) return known;
  const answer = value.startsWith('+') && value.length <= 16 && normalisePhone(value) === value;
  if (checked.size >= CHECKED_MAX) checked.delete(checked.keys().next().value!);
  checked.set(value, answer);
  return answer;
}

const CHANNEL_PREFIX = /^([a-z][a-z0-9-]*):/i;

/**
 * Hides the middle of a phone number for logs and for people who need not see it: `+15551234567` → `+1555***4567`. Keeps a channel
 * prefix (`whatsapp:+1555***4567`). Short values keep less so that at least half stays hidden.
 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const prefix = CHANNEL_PREFIX.exec(phone.trim());
  if (prefix) return `${prefix[0]}${maskPhone(phone.trim().slice(prefix[0].length))}`;
  const value = phone.trim();
  if (value.length >= 10) return `${value.slice(0, 5)}***${value.slice(-4)}`;
  if (value.length >= 5) return `${value.slice(0, 1)}***${value.slice(-2)}`;
  return '***';
}

export type { CountryCode };
