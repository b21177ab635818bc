import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, type Config } from '@app/config';

export const routingConfigShape = {
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
};
export type RoutingConfig = Config<typeof routingConfigShape>;

export const loadRoutingConfig = (env: Record<string, string | undefined> = process.env): RoutingConfig =>
  loadConfig(routingConfigShape, env);
