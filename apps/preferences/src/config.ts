import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, type Config } from '@app/config';

export const preferencesConfigShape = {
  ...baseConfigShape, ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
};
export type PreferencesConfig = Config<typeof preferencesConfigShape>;

export const loadPreferencesConfig = (env: Record<string, string | undefined> = process.env): PreferencesConfig =>
  loadConfig(preferencesConfigShape, env);
