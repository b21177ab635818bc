import { ApiError, describeError, fieldErrorsOf } from '../api/errors';
import { keywordField } from './phone-number-form';

/**
 * Where a failed save's message belongs on the phone number form: "field: problem" parts at
 * their field; a rule the service refused (422, 409) at the field it names in words.
 */
export function phoneNumberSaveErrors(
  error: unknown,
  fields: readonly string[],
): { byField: Record<string, string>; rest: string | null } {
  const parsed = fieldErrorsOf(error, fields);
  const rest = parsed.rest;
  const byField: Record<string, string> = {};
  for (const [path, message] of Object.entries(parsed.byField)) byField[keywordField(path)] ??= message;
  if (!rest || !(error instanceof ApiError) || error.status < 400 || error.status >= 500)
    return { byField, rest };
  if (/whatsapp/i.test(rest)) return { byField: { ...byField, whatsappEnabled: rest }, rest: null };
  if (/workflow/i.test(rest)) return { byField: { ...byField, defaultWorkflowId: rest }, rest: null };
  return { byField, rest: rest || describeError(error) };
}
