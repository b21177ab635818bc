import type { z } from 'zod';
import type { MemberFields } from '@app/contracts';
import type { CountryCode } from 'libphonenumber-js';
import { normalisePhone } from './phone';
import type { SwitchField } from '@app/rules';

export type MemberFieldsInput = z.infer<typeof MemberFields>;

export interface CleanFields {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  switches: Partial<Record<SwitchField, boolean>>;
  /** A patch: keys set to null are removed (see mergeAttributes). */
  attributes?: Record<string, unknown>;
}

/**
 * Validates and normalises fields before anything is written: the phone in E.164, blank text as
 * null. Throws `invalid_input` naming the field, so a bad patch changes nothing.
 */
export function cleanFields(fields: MemberFieldsInput, defaultCountry: CountryCode): CleanFields {
  const out: CleanFields = { switches: {} };
  if (fields.firstName !== undefined) out.firstName = blankToNull(fields.firstName);
  if (fields.lastName !== undefined) out.lastName = blankToNull(fields.lastName);
  if (fields.email !== undefined) out.email = blankToNull(fields.email);
  if (fields.phone !== undefined) {
    const phone = blankToNull(fields.phone);
    out.phone = phone === null ? null : normalisePhone(phone, defaultCountry, 'phone');
  }
  for (const field of ['notifySms', 'notifyEmail', 'notifyVoice', 'notifyWhatsapp'] as const) {
    const value = fields[field];
    if (value !== undefined) out.switches[field] = value;
  }
  if (fields.attributes !== undefined) out.attributes = fields.attributes;
  return out;
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
