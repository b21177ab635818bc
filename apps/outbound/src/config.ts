import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, type Config } from '@app/config';

export const outboundConfigShape = {
  ...baseConfigShape, ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3006),
};
export type OutboundConfig = Config<typeof outboundConfigShape>;

export const loadOutboundConfig = (env: Record<string, string | undefined> = process.env): OutboundConfig =>
  loadConfig(outboundConfigShape, env);
