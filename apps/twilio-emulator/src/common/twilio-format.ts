import { randomUUID } from 'node:crypto';

export const API_VERSION = '2010-04-01';

/** A Twilio SID: two-letter prefix and 32 lowercase hex characters (`SM3f0c...`). */
export function newSid(prefix: string): string {
  return prefix + randomUUID().replace(/-/g, '');
}

/** Twilio's date format in REST answers: RFC 2822 in UTC (`Thu, 24 Aug 2023 05:01:45 +0000`). */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** Form fields as parsed from a form-encoded body: repeated keys become arrays. */
export type FormFields = Record<string, string | string[] | undefined>;

/** The first value of a form field, or undefined. */
export function formValue(form: FormFields, key: string): string | undefined {
  const value = form[key];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a form field (empty when absent). */
export function formValues(form: FormFields, key: string): string[] {
  const value = form[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Form-encodes parameters, repeating keys for array values (as Twilio does with MediaUrl). */
export function encodeForm(params: Record<string, string | readonly string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') search.append(key, value);
    else for (const item of value) search.append(key, item);
  }
  return search.toString();
}
