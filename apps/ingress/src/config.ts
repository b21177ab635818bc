import { z } from 'zod';
import { baseConfigShape, ConfigError, loadConfig, secret, type Config } from '@app/config';

const ACCOUNT_SID = /^AC[0-9a-zA-Z]{32}$/;

export const ingressConfigShape = {
  ...baseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The Twilio account whose webhooks we accept (its auth token signs them). */
  TWILIO_ACCOUNT_SID: z.string().regex(ACCOUNT_SID, 'must be a Twilio account SID (AC + 32 characters)'),
  TWILIO_AUTH_TOKEN: secret(z.string().min(1)),
  /** More accounts (subaccounts) posting to the same webhooks: `sid:token,sid:token`. */
  TWILIO_EXTRA_ACCOUNTS: secret(
    z
      .string()
      .refine(
        (v) =>
          v.split(',').every((pair) => pair.trim() === '' || /^AC[0-9a-zA-Z]{32}:\S+$/.test(pair.trim())),
        'must be a comma-separated list of <account sid>:<auth token>',
      )
      .optional(),
  ),
  /** The URL Twilio calls (scheme, host, optional path prefix): signatures are computed over it behind proxies. */
  PUBLIC_BASE_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//.test(v), 'must be an http(s) URL')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** Largest webhook body accepted, in bytes (Twilio's are a few KiB). */
  WEBHOOK_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024)
    .default(64 * 1024),
};
export type IngressConfig = Config<typeof ingressConfigShape>;

/**
 * The ingress config. In production (`NODE_ENV=production`) `PUBLIC_BASE_URL` is required: the
 * URL signatures are checked over must not come from the request.
 */
export function loadIngressConfig(env: Record<string, string | undefined> = process.env): IngressConfig {
  const config = loadConfig(ingressConfigShape, env);
  if (env.NODE_ENV === 'production' && !config.PUBLIC_BASE_URL) {
    throw new ConfigError(
      'Invalid configuration: PUBLIC_BASE_URL is required when NODE_ENV=production (the URL Twilio calls; webhook signatures are checked over it)',
    );
  }
  return config;
}
