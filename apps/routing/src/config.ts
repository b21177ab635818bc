import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, type Config } from '@app/config';

export const routingConfigShape = {
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /** The highest send rate a workspace may set on one of its numbers (operator). */
  MAX_SEND_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(100),
};
export type RoutingConfig = Config<typeof routingConfigShape>;

export const loadRoutingConfig = (env: Record<string, string | undefined> = process.env): RoutingConfig =>
  loadConfig(routingConfigShape, env);
