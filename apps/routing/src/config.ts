import { z } from 'zod';
import { databaseServiceShape, loadConfig, secret, type Config } from '@app/config';

export const routingConfigShape = {
  ...databaseServiceShape(3002),
  /** The highest send rate a workspace may set on one of its numbers (operator). */
  /** The Twilio account assigned numbers must belong to (checked when set). */
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-zA-Z]{32}$/, 'must be a Twilio account SID (AC + 32 characters)')
    .optional(),
  TWILIO_AUTH_TOKEN: secret(z.string().min(1)).optional(),
  TWILIO_API_BASE_URL: z.url().optional(),
  MAX_SEND_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(100),
};
export type RoutingConfig = Config<typeof routingConfigShape>;

export const loadRoutingConfig = (env: Record<string, string | undefined> = process.env): RoutingConfig =>
  loadConfig(routingConfigShape, env);
