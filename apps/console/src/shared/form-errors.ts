import type { z } from 'zod';

/** A zod result as Mantine form errors: `{ 'businessHours.days.mon.0.close': 'message' }`. */
export function zodFormErrors(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}
