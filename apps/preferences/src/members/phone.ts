import { AppError } from '@app/contracts';
import { E164_EXAMPLE, normalisePhone as toE164, type CountryCode } from '@app/rules';

/**
 * A member's phone as people write it ("(415) 555-2671", "+44 20 7946 0958") in E.164 (the rule
 * is `@app/rules`), or an `invalid_input` naming the field.
 */
export function normalisePhone(raw: string, defaultCountry: CountryCode, field = 'phone'): string {
  const phone = toE164(raw, defaultCountry);
  if (!phone) {
    throw new AppError(
      'invalid_input',
      `${field}: "${raw.slice(0, 40)}" is not a valid phone number (write it as ${E164_EXAMPLE}, or in ${defaultCountry} national format).`,
    );
  }
  return phone;
}
