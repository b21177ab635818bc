import { z } from 'zod';
import {
  baseConfigShape,
  ConfigError,
  databaseConfigShape,
  intSetting,
  loadConfig,
  secret,
  type Config,
} from '@app/config';

const MIN_OPERATOR_KEY = 16;

export const apiConfigShape = {
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: intSetting(0, 65535, 3001),
  /**
   * The operator key(s): manage workspaces, features, users and workspace API keys. Several,
   * comma-separated, are all valid (rotation: add the new one, move callers, drop the old one).
   */
  ADMIN_API_KEY: secret(
    z
      .string()
      .refine(
        (v) => operatorKeyList(v).every((k) => k.length >= MIN_OPERATOR_KEY),
        `each key must be at least ${MIN_OPERATOR_KEY} characters`,
      )
      .optional(),
  ),
  /**
   * A file of operator keys, one a line (`#` comments), re-read when it changes: rotate without a
   * restart by updating the mounted Secret. Used with or instead of ADMIN_API_KEY.
   */
  ADMIN_API_KEY_FILE: z.string().min(1).optional(),
  /** How often ADMIN_API_KEY_FILE is checked for changes. */
  ADMIN_API_KEY_FILE_POLL_MS: intSetting(100, 600_000, 5_000),
  /** How long a key or session look-up is trusted before the database is asked again (revocation delay). */
  API_KEY_CACHE_TTL_MS: intSetting(0, 60_000, 5_000),
  /** How long an unknown key or session token is remembered as unknown. */
  API_KEY_NEGATIVE_CACHE_TTL_MS: intSetting(0, 300_000, 10_000),
  /** Most key and session look-ups kept (least recently used go first). */
  API_KEY_CACHE_SIZE: intSetting(100, 1_000_000, 10_000),
  /** How long a console sign-in lasts. */
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(12),
  /** Rate limits (counters shared by every replica through Postgres): the window of the next two. */
  API_RATE_LIMIT_WINDOW_MS: intSetting(1_000, 3_600_000, 10_000),
  /** Requests per window per caller (a workspace key, the operator key, a signed-in user). */
  API_RATE_LIMIT_PER_KEY: intSetting(1, 1_000_000, 500),
  /** Requests per window per client address (IPv6 by /64), with or without credentials. */
  API_RATE_LIMIT_PER_ADDRESS: intSetting(1, 1_000_000, 1_000),
  /** Refused keys or session cookies per address per minute; past it, 429 without a look-up. */
  API_AUTH_FAILURES_PER_ADDRESS: intSetting(1, 100_000, 20),
  /** Sign-in attempts per address per 15 minutes. */
  API_SIGN_IN_PER_ADDRESS: intSetting(1, 100_000, 30),
  /** Failed sign-ins per email per 15 minutes. */
  API_SIGN_IN_FAILURES_PER_EMAIL: intSetting(1, 100_000, 10),
  /** How often each replica adds its counts to the shared counters. */
  API_RATE_LIMIT_SYNC_MS: intSetting(50, 10_000, 500),
  /** Largest request body accepted, in bytes (413 above). */
  API_BODY_LIMIT_BYTES: intSetting(1024, 10 * 1024 * 1024, 1024 * 1024),
  /** How long a call waits for the service behind it before answering 503. */
  API_REQUEST_TIMEOUT_MS: intSetting(100, 60_000, 5_000),
  /** GET /v1/stream: a comment line this often keeps proxies and the browser from closing an idle stream. */
  API_STREAM_HEARTBEAT_MS: intSetting(100, 300_000, 15_000),
  /** Bytes a stream client may leave unread; past it, it gets a resync hint and is disconnected. */
  API_STREAM_MAX_BUFFERED_BYTES: intSetting(1024, 64 * 1024 * 1024, 1024 * 1024),
  /** Most missed events a reconnecting client (Last-Event-ID) is sent; past it, a resync hint. */
  API_STREAM_REPLAY_MAX: intSetting(0, 100_000, 1_000),
  /** Outgoing webhooks may call private, loopback and link-local addresses, and plain http (development, tests). */
  WEBHOOKS_ALLOW_PRIVATE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The first retry of a failed webhook delivery waits this long; each next one twice as long (at most an hour). */
  WEBHOOKS_RETRY_BASE_MS: intSetting(10, 3_600_000, 30_000),
  /** A webhook endpoint failing this long without one success is disabled (a day). */
  WEBHOOKS_DISABLE_AFTER_MS: intSetting(100, 30 * 86_400_000, 86_400_000),
  /** How long a webhook endpoint has to answer a delivery. */
  WEBHOOKS_TIMEOUT_MS: intSetting(100, 60_000, 10_000),
  /** How often each replica looks for webhook deliveries that are due. */
  WEBHOOKS_POLL_MS: intSetting(10, 60_000, 1_000),
  /** How long diagnostics records (GET /v1/diagnostics) are kept, in days. */
  DIAGNOSTICS_RETENTION_DAYS: z.coerce.number().positive().max(365).default(7),
  /** How often each replica deletes diagnostics records past their retention. */
  DIAGNOSTICS_SWEEP_MS: intSetting(100, 86_400_000, 3_600_000),
  /** The built operator console served at /console/ (default: beside the compiled api). */
  CONSOLE_DIR: z.string().min(1).optional(),
};
export type ApiConfig = Config<typeof apiConfigShape>;

/** The keys of a comma-separated ADMIN_API_KEY, trimmed, empty entries dropped. */
export function operatorKeyList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const config = loadConfig(apiConfigShape, env);
  if (!config.ADMIN_API_KEY && !config.ADMIN_API_KEY_FILE)
    throw new ConfigError('Invalid configuration: ADMIN_API_KEY or ADMIN_API_KEY_FILE is required');
  return config;
}

export const API_CONFIG = Symbol('API_CONFIG');
