/** A parsed form-encoded body: repeated keys carry arrays. */
export type FormFields = Record<string, string | string[] | undefined>;

/** The first value of a field, or undefined. */
export function field(form: FormFields, key: string): string | undefined {
  const value = form[key];
  return typeof value === 'string' ? value : value?.[0];
}

/** A field that must be present and not blank. */
export function requiredField(form: FormFields, key: string): string | undefined {
  const value = field(form, key);
  return value && value.trim() ? value : undefined;
}

/** Every parameter as one string (the first of repeated keys), for the event's `params`. */
export function flatParams(form: FormFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key in form) {
    const value = form[key];
    if (value !== undefined) out[key] = typeof value === 'string' ? value : (value[0] ?? '');
  }
  return out;
}

/** The signed parameter set: exactly what was posted, repeated keys included. */
export function signedParams(form: FormFields): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key in form) {
    const value = form[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
