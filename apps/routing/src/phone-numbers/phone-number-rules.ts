import {
  AppError,
  noKeywordReplies,
  type BusinessHours,
  type PhoneNumberFields,
  type WorkspaceSummary,
} from '@app/contracts';
import {
  checkKeywordLists,
  DEFAULT_KEYWORDS,
  E164_EXAMPLE,
  editKeywordLists,
  normalisePhone,
  parseInactivityCloseAfter,
} from '@app/rules';
import type { z } from 'zod';
import type { PhoneNumberEntity } from './phone-number.entity';
import { isKnownTimeZone, minutesOf } from './business-hours';

/** Outbound's body limit: a text we send back must fit in one send request. */
const MAX_MESSAGE = 1600;
const MAX_BRAND = 100;

export const WHATSAPP_FEATURE_REQUIRED =
  'WhatsApp cannot be enabled: the workspace does not have the WhatsApp feature.';

/** `+1 (415) 555-2671` → `+14155552671`: a Twilio number is written with its country code. */
export function normaliseE164(input: string, field = 'number'): string {
  const number = normalisePhone(input);
  if (!number)
    throw new AppError('invalid_input', `${field}: must be an E.164 phone number such as ${E164_EXAMPLE}.`);
  return number;
}

/** Turning WhatsApp on needs the workspace feature; leaving it on (or off) is always allowed. */
export function assertWhatsappAllowed(
  workspace: Pick<WorkspaceSummary, 'features'>,
  turningOn: boolean,
): void {
  if (turningOn && !workspace.features.includes('whatsapp'))
    throw new AppError('rule_violation', WHATSAPP_FEATURE_REQUIRED);
}

export interface NumberTexts {
  sendRatePerSecond?: number | null;
  smsDisabledMessage?: string | null;
  offHoursMessage?: string | null;
  brandName?: string | null;
  businessHours?: BusinessHours | null;
}

/**
 * Checks the send rate (at most the operator's MAX_SEND_RATE_PER_SECOND), the free-text settings
 * and opening hours before they are stored; names the field at fault.
 */
export function assertValidSettings(fields: NumberTexts, maxSendRate = Infinity): void {
  const rate = fields.sendRatePerSecond;
  if (rate !== undefined && rate !== null && rate > maxSendRate)
    throw new AppError(
      'invalid_input',
      `sendRatePerSecond: at most ${maxSendRate} per second (MAX_SEND_RATE_PER_SECOND, set by the operator).`,
    );
  for (const field of ['smsDisabledMessage', 'offHoursMessage'] as const) {
    const text = fields[field];
    if (text !== undefined && text !== null && (text.trim() === '' || text.length > MAX_MESSAGE)) {
      throw new AppError('invalid_input', `${field}: must be 1 to ${MAX_MESSAGE} characters, or null.`);
    }
  }
  const brand = fields.brandName;
  if (brand !== undefined && brand !== null && (brand.trim() === '' || brand.length > MAX_BRAND)) {
    throw new AppError('invalid_input', `brandName: must be 1 to ${MAX_BRAND} characters, or null.`);
  }
  const hours = fields.businessHours;
  if (hours) {
    if (!isKnownTimeZone(hours.timeZone))
      throw new AppError(
        'invalid_input',
        `businessHours.timeZone: unknown time zone "${hours.timeZone}" (use an IANA name such as Europe/Paris).`,
      );
    for (const [day, intervals] of Object.entries(hours.days)) {
      intervals.forEach((interval, i) => {
        const open = minutesOf(interval.open);
        const close = minutesOf(interval.close);
        if (open === undefined || close === undefined || open === close) {
          throw new AppError(
            'invalid_input',
            `businessHours.days.${day}.${i}: open and close must be different times from 00:00 to 24:00.`,
          );
        }
      });
    }
  }
}

type KeywordSettings = Pick<PhoneNumberEntity, 'keywords' | 'keywordReplies'>;

/**
 * The keyword settings to store after an edit: lists replaced one by one, checked and normalised
 * (null: back to the defaults); reply texts replaced one by one (null: back to the default).
 * Throws naming the field; a missing STOP is a broken rule (422), the rest bad input (400).
 */
export function editedKeywordSettings(
  current: KeywordSettings,
  edit: Pick<z.infer<typeof PhoneNumberFields>, 'keywords' | 'keywordReplies'>,
): Partial<KeywordSettings> {
  const out: Partial<KeywordSettings> = {};
  if (edit.keywords === null) out.keywords = null;
  else if (edit.keywords) {
    const checked = checkKeywordLists(editKeywordLists(current.keywords ?? DEFAULT_KEYWORDS, edit.keywords));
    if (!checked.ok)
      throw new AppError(
        checked.rule ? 'rule_violation' : 'invalid_input',
        `${checked.field}: ${checked.problem}.`,
      );
    out.keywords = checked.lists;
  }
  if (edit.keywordReplies === null) out.keywordReplies = null;
  else if (edit.keywordReplies)
    out.keywordReplies = { ...noKeywordReplies(), ...current.keywordReplies, ...edit.keywordReplies };
  return out;
}

/** Seconds of an inactivity setting the contract already validated. */
export function inactivitySeconds(value: string): number {
  const parsed = parseInactivityCloseAfter(value);
  if ('error' in parsed) throw new AppError('invalid_input', `inactivityCloseAfter: ${parsed.error}`);
  return parsed.seconds;
}
