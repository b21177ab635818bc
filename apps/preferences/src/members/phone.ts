import { AppError } from '@app/contracts';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * A phone number as people write it ("(415) 555-2671", "+44 20 7946 0958") in E.164, or an
 * `invalid_input` naming the field. "Valid" means it parses and has a possible length for its
 * country: number-range checks would reject reserved test ranges (+1 555 ...) that carriers and
 * Twilio's test tooling use, and numbers we receive from Twilio are real by definition.
 */
export function normalisePhone(raw: string, defaultCountry: CountryCode, field = 'phone'): string {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  if (!parsed || !parsed.isPossible()) {
    throw new AppError(
      'invalid_input',
      `${field}: "${raw.slice(0, 40)}" is not a valid phone number (write it as +15551234567, or in ${defaultCountry} national format).`,
    );
  }
  return parsed.number;
}
