import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, type Config } from '@app/config';

export const apiConfigShape = {
  ...baseConfigShape, ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
};
export type ApiConfig = Config<typeof apiConfigShape>;

export const loadApiConfig = (env: Record<string, string | undefined> = process.env): ApiConfig =>
  loadConfig(apiConfigShape, env);
