import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, secret, type Config } from '@app/config';

export const apiConfigShape = {
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** The operator key: manages workspaces, features and workspace API keys. */
  ADMIN_API_KEY: secret(z.string().min(16, 'must be at least 16 characters')),
  /** How long a workspace key lookup is trusted before the database is asked again (revocation delay). */
  API_KEY_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** Largest request body accepted, in bytes (413 above). */
  API_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(1024 * 1024),
  /** How long a call waits for the service behind it before answering 503. */
  API_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** The built operator console served at /console/ (default: beside the compiled api). */
  CONSOLE_DIR: z.string().min(1).optional(),
};
export type ApiConfig = Config<typeof apiConfigShape>;

export const loadApiConfig = (env: Record<string, string | undefined> = process.env): ApiConfig =>
  loadConfig(apiConfigShape, env);

export const API_CONFIG = Symbol('API_CONFIG');
