import { z } from 'zod';
import { parseConfig, secret } from '@app/config';

/** Everything the emulator needs to run, resolved from env (main) or from options (tests). */
export interface EmulatorConfig {
  port: number;
  host: string;
  /** The one account the emulator accepts (HTTP Basic user) and signs for. */
  accountSid: string;
  /** Its auth token: the HTTP Basic password and the key of every `X-Twilio-Signature`. */
  authToken: string;
  /** Where inbound messages are posted when a test does not name another webhook. */
  webhookUrl: string;
  /** Pause between two status steps of a message (queued → sent → delivered), in ms. */
  statusDelayMs: number;
  /** Most outbound messages kept in memory; the oldest are dropped beyond it. */
  maxMessages: number;
}

export const EMULATOR_CONFIG = Symbol('EMULATOR_CONFIG');

export const DEFAULT_ACCOUNT_SID = 'AC00000000000000000000000000000000';
export const DEFAULT_AUTH_TOKEN = 'emulator-auth-token';

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `expected an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `expected an integer from ${min} to ${max}`)
        .max(max, `expected an integer from ${min} to ${max}`),
    );

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^/\s]+/.test(value) && URL.canParse(value), 'expected an http(s) URL');

export const accountSidSchema = z
  .string()
  .trim()
  .regex(/^AC[0-9a-zA-Z]{32}$/, 'expected "AC" followed by 32 letters or digits');
export const authTokenSchema = z.string().min(8, 'expected at least 8 characters');

/** The emulator's environment, with its defaults (LOG_LEVEL is read by main.ts). */
export const emulatorConfigShape = {
  PORT: integer(0, 65535).default(3999),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  TWILIO_ACCOUNT_SID: accountSidSchema.default(DEFAULT_ACCOUNT_SID),
  TWILIO_AUTH_TOKEN: secret(authTokenSchema.default(DEFAULT_AUTH_TOKEN)),
  EMULATOR_WEBHOOK_URL: httpUrl.default('http://127.0.0.1:3000/twilio/messaging'),
  EMULATOR_STATUS_DELAY_MS: integer(0, 600_000).default(5),
  EMULATOR_MAX_MESSAGES: integer(1, 100_000_000).default(200_000),
};

/** A configuration problem, described in one line that names the variable. */
export class EmulatorConfigError extends Error {
  override readonly name = 'EmulatorConfigError';
}

/** Reads and validates the emulator's env; throws {@link EmulatorConfigError} on a bad value. */
export function loadEmulatorConfig(env: Record<string, string | undefined>): EmulatorConfig {
  // A blank variable (`PORT=` or `PORT= ` in a compose file) means "unset".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
  const parsed = parseConfig(emulatorConfigShape, present);
  if ('issues' in parsed) {
    const problems = parsed.issues.map(
      (issue) => `${issue.name}=${issue.secret ? '(hidden)' : JSON.stringify(issue.value)}: ${issue.message}`,
    );
    throw new EmulatorConfigError(`Invalid twilio-emulator configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.config;
  return {
    port: vars.PORT,
    host: vars.HOST,
    accountSid: vars.TWILIO_ACCOUNT_SID,
    authToken: vars.TWILIO_AUTH_TOKEN,
    webhookUrl: vars.EMULATOR_WEBHOOK_URL,
    statusDelayMs: vars.EMULATOR_STATUS_DELAY_MS,
    maxMessages: vars.EMULATOR_MAX_MESSAGES,
  };
}

export const DEFAULTS: EmulatorConfig = loadEmulatorConfig({});
