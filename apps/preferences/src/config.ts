import { z } from 'zod';
import { databaseServiceShape, loadConfig, type Config } from '@app/config';
import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';

const countries = new Set<string>(getCountries());

export const preferencesConfigShape = {
  ...databaseServiceShape(3003),
  /** Country assumed for phone numbers written without a +country code, e.g. "(415) 555-2671". */
  DEFAULT_PHONE_COUNTRY: z
    .string()
    .toUpperCase()
    .refine((v) => countries.has(v), 'must be an ISO 3166-1 alpha-2 country code such as US or GB')
    .transform((v) => v as CountryCode)
    .default('US'),
  /** How long CheckSend may answer from a cached member; updates invalidate earlier. */
  MEMBER_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** Members kept in the per-process cache (least recently used dropped first). */
  MEMBER_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(50_000),
  /** How long a create's Idempotency-Key answers a retry with the member it made (then swept). */
  MEMBER_CREATE_KEY_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
};
export type PreferencesConfig = Config<typeof preferencesConfigShape>;

export const loadPreferencesConfig = (
  env: Record<string, string | undefined> = process.env,
): PreferencesConfig => loadConfig(preferencesConfigShape, env);

export const PREFERENCES_CONFIG = Symbol('PREFERENCES_CONFIG');
