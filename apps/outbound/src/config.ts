import { z } from 'zod';
import { databaseServiceShape, loadConfig, secret, sendRateConfigShape, type Config } from '@app/config';

export const outboundConfigShape = {
  ...databaseServiceShape(3006),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC + 32 hex)'),
  TWILIO_AUTH_TOKEN: secret(z.string().min(1)),
  /** Every Twilio REST call goes here instead of api.twilio.com (the emulator in dev and tests). */
  TWILIO_API_BASE_URL: z.url().optional(),
  /** The public URL of ingress: Twilio posts status callbacks to `${PUBLIC_BASE_URL}/twilio/status`. */
  PUBLIC_BASE_URL: z.url(),
  ...sendRateConfigShape,
  /** Slots are spaced this much wider than 1/rate, so network jitter never bunches sends above the rate. */
  SEND_RATE_HEADROOM: z.coerce.number().min(0).max(0.5).default(0.1),
  /** Attempts of one Twilio call on 429/5xx/network errors before the send fails. */
  TWILIO_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  TWILIO_RETRY_BASE_MS: z.coerce.number().int().min(1).default(250),
  TWILIO_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** A `pending` send claimed longer ago than this is presumed abandoned (crash mid-call) and reconciled. */
  SEND_CLAIM_STALE_MS: z.coerce.number().int().min(1000).default(60_000),
  /** How long a reply waits for the inbound message that opened its window to reach our projection. */
  WINDOW_GRACE_MS: z.coerce.number().int().min(0).default(2_000),
};
export type OutboundConfig = Config<typeof outboundConfigShape>;

export const loadOutboundConfig = (env: Record<string, string | undefined> = process.env): OutboundConfig =>
  loadConfig(outboundConfigShape, env);

export const OUTBOUND_CONFIG = Symbol('OUTBOUND_CONFIG');
