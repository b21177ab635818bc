import { z } from 'zod';

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

export const DEFAULTS: EmulatorConfig = {
  port: 3999,
  host: '0.0.0.0',
  accountSid: DEFAULT_ACCOUNT_SID,
  authToken: DEFAULT_AUTH_TOKEN,
  webhookUrl: 'http://127.0.0.1:3000/twilio/messaging',
  statusDelayMs: 5,
  maxMessages: 200_000,
};

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

const envSchema = z.object({
  PORT: integer(0, 65535).optional(),
  HOST: z.string().trim().min(1).optional(),
  TWILIO_ACCOUNT_SID: accountSidSchema.optional(),
  TWILIO_AUTH_TOKEN: authTokenSchema.optional(),
  EMULATOR_WEBHOOK_URL: httpUrl.optional(),
  EMULATOR_STATUS_DELAY_MS: integer(0, 600_000).optional(),
  EMULATOR_MAX_MESSAGES: integer(1, 100_000_000).optional(),
});

/** A configuration problem, described in one line that names the variable. */
export class EmulatorConfigError extends Error {
  override readonly name = 'EmulatorConfigError';
}

/** Reads and validates the emulator's env; throws {@link EmulatorConfigError} on a bad value. */
export function loadEmulatorConfig(env: NodeJS.ProcessEnv): EmulatorConfig {
  // An empty variable (`PORT=` in a compose file) means "unset".
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((key) => [key, env[key]] as const)
      .filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? 'env');
      const value = key === 'TWILIO_AUTH_TOKEN' ? '(hidden)' : JSON.stringify(present[key]);
      return `${key}=${value}: ${issue.message}`;
    });
    throw new EmulatorConfigError(`Invalid twilio-emulator configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  return {
    port: vars.PORT ?? DEFAULTS.port,
    host: vars.HOST ?? DEFAULTS.host,
    accountSid: vars.TWILIO_ACCOUNT_SID ?? DEFAULTS.accountSid,
    authToken: vars.TWILIO_AUTH_TOKEN ?? DEFAULTS.authToken,
    webhookUrl: vars.EMULATOR_WEBHOOK_URL ?? DEFAULTS.webhookUrl,
    statusDelayMs: vars.EMULATOR_STATUS_DELAY_MS ?? DEFAULTS.statusDelayMs,
    maxMessages: vars.EMULATOR_MAX_MESSAGES ?? DEFAULTS.maxMessages,
  };
}
