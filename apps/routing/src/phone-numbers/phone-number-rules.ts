import { AppError, type BusinessHours, type WorkspaceSummary } from '@app/contracts';
import { E164_EXAMPLE, normalisePhone } from '@app/rules';
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
  smsDisabledMessage?: string | null;
  offHoursMessage?: string | null;
  brandName?: string | null;
  businessHours?: BusinessHours | null;
}

/** Checks the free-text settings and opening hours before they are stored; names the field at fault. */
export function assertValidSettings(fields: NumberTexts): void {
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
