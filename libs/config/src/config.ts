import { isIP } from 'node:net';
import { z } from 'zod';

/** Marks a config value as secret: `redactConfig` replaces it before anything logs the config. */
const secretKeys = new WeakSet<z.ZodType>();
export function secret<T extends z.ZodType>(schema: T): T {
  secretKeys.add(schema);
  return schema;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** proxy-addr's names for address ranges (Fastify's trustProxy understands them). */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR (`10.0.0.0/8`, `fd00::/8`) or one of `loopback`, `linklocal`, `uniquelocal`. */
export function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * `TRUSTED_PROXIES`: the addresses whose `X-Forwarded-For/Proto/Host` are believed (a comma
 * list of addresses and CIDRs). Unset or empty: nobody's, the connection's own address, scheme
 * and Host header count.
 */
export const trustedProxiesShape = commaList().refine(
  (entries) => entries.every(isProxyAddress),
  'must be a comma-separated list of addresses or CIDRs (10.0.0.0/8, ::1), or loopback, linklocal, uniquelocal',
);

/** A comma-separated setting as its entries, trimmed, empty ones dropped (unset: none). */
export function commaList() {
  return z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    );
}

/** A whole-number setting (the environment gives strings): within [min, max], `fallback` when unset. */
export const intSetting = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** Settings every service shares. Each service extends it with its own. */
export const baseConfigShape = {
  PORT: z.coerce.number().int().min(0).max(65535),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NATS_URL: z
    .string()
    .default('nats://127.0.0.1:4222')
    .refine(
      (v) => v.split(',').every((u) => /^(nats|tls|wss?):\/\/[^\s]+$/.test(u.trim())),
      'must be nats://host:port (comma-separated for a cluster)',
    ),
  /** Prefix for every subject and stream name, so parallel test runs and tenants of one NATS never collide. */
  NATS_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_-]*$/i, 'must contain only letters, digits, - and _')
    .default(''),
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /** Partitions per stream for events kept in conversation order (each owned by one replica); the same for every service. */
  NATS_PARTITIONS: z.coerce.number().int().min(1).max(1024).default(16),
  /** Tests only: a file each ordered handling is appended to (libs/messaging; the scale fault suite). */
  MESSAGING_HANDLING_LOG: z.string().optional(),
  /** Per-stream partition counts overriding NATS_PARTITIONS, e.g. `OUTBOUND=32,INBOUND=8`. */
  NATS_PARTITIONS_BY_STREAM: z
    .string()
    .regex(/^([A-Z]+=\d+)?(,[A-Z]+=\d+)*$/, 'must be STREAM=<count>, comma-separated')
    .optional(),
  /** The service's own NATS user (`npm run nats:config` gives each service one); unset: no credentials. */
  NATS_USER: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must contain only letters, digits, - and _')
    .optional(),
  NATS_PASSWORD: secret(z.string().min(1).optional()),
  /** TLS to NATS: a CA bundle to trust (and a client certificate and key when the server asks for one). */
  NATS_TLS_CA: z.string().optional(),
  NATS_TLS_CERT: z.string().optional(),
  NATS_TLS_KEY: z.string().optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  TRUSTED_PROXIES: trustedProxiesShape,
  /** How long the INBOUND stream keeps raw webhooks (they hold phones and bodies). */
  INBOUND_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(24),
  /** How long the DLQ stream keeps dead letters (their payloads hold phones and bodies). */
  DEAD_LETTER_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** A message failing for a transient reason is retried in place this long, then released for redelivery. */
  RETRY_IN_PLACE_SECONDS: z.coerce.number().positive().max(3600).default(60),
  /** The longest delay between redeliveries of a released message (they double from 10 s). */
  RETRY_RELEASE_MAX_SECONDS: z.coerce.number().positive().max(86_400).default(900),
  /** A message still failing transiently this long after it was published is dead-lettered (`npm run dlq`). */
  DEAD_LETTER_AFTER_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
};

/**
 * A number's send rate when it has no sendRatePerSecond of its own (a US long code does 1 SMS/s):
 * outbound spaces its sends by it, and a routine hands its sends to outbound at the same pace.
 */
export const sendRateConfigShape = {
  SMS_SEND_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(1),
  WHATSAPP_SEND_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(80),
};

export type SendRateConfig = Config<typeof sendRateConfigShape>;

/** The default rate per channel, from the settings above. */
export function defaultSendRates(config: SendRateConfig): { sms: number; whatsapp: number } {
  return { sms: config.SMS_SEND_RATE_PER_SECOND, whatsapp: config.WHATSAPP_SEND_RATE_PER_SECOND };
}

/**
 * Where the files members send are kept: a directory (`file`, shared by chats and workflow) or an
 * S3-compatible bucket (`s3`: MinIO, AWS...), private, read by people through signed URLs.
 */
export const mediaStoreConfigShape = {
  MEDIA_STORE: z.enum(['file', 's3']).default('file'),
  MEDIA_DIR: z.string().min(1).default('.data/media'),
  MEDIA_S3_BUCKET: z.string().min(1).default('media'),
  /** An S3-compatible endpoint such as http://minio:9000; empty for AWS S3. */
  MEDIA_S3_ENDPOINT: z.string().url().optional(),
  MEDIA_S3_REGION: z.string().min(1).default('us-east-1'),
  MEDIA_S3_ACCESS_KEY_ID: z.string().default(''),
  MEDIA_S3_SECRET_ACCESS_KEY: secret(z.string().default('')),
  /** How long a signed URL to a stored file works. */
  MEDIA_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604_800).default(3_600),
};

export const databaseConfigShape = {
  DATABASE_URL: secret(
    z
      .string()
      .default('postgres://postgres@127.0.0.1:5432/postgres')
      .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL'),
  ),
  /** The service's own schema; defaults to the service name. */
  DB_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier')
    .optional(),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
};

export type ConfigShape = z.ZodRawShape;
export type Config<S extends ConfigShape> = z.infer<z.ZodObject<S>>;

/** One variable that failed validation. */
export interface ConfigIssue {
  name: string;
  /** As set (undefined when unset); never print it when `secret`. */
  value: string | undefined;
  secret: boolean;
  /** Unset although required. */
  missing: boolean;
  message: string;
}

/**
 * Where a service with its own Postgres schema starts its settings: the shared ones, the
 * database, and the port it listens on unless PORT says otherwise.
 */
export const databaseServiceShape = (port: number) => ({
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: baseConfigShape.PORT.default(port),
});

/** Validates the environment against a shape; empty variables count as unset. */
export function parseConfig<S extends ConfigShape>(
  shape: S,
  env: Record<string, string | undefined> = process.env,
): { config: Config<S> } | { issues: ConfigIssue[] } {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = z.object(shape).safeParse(cleaned);
  if (result.success) return { config: result.data };
  return {
    issues: result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const schema = shape[name] as z.ZodType | undefined;
      return {
        name,
        value: cleaned[name],
        secret: !!schema && secretKeys.has(schema),
        missing: issue.code === 'invalid_type' && cleaned[name] === undefined,
        message: issue.message,
      };
    }),
  };
}

/**
 * Validates the environment once, before the service boots. A missing or malformed variable
 * throws a ConfigError whose message is one line naming the variable and what is wrong.
 */
export function loadConfig<S extends ConfigShape>(
  shape: S,
  env: Record<string, string | undefined> = process.env,
): Config<S> {
  const parsed = parseConfig(shape, env);
  if ('config' in parsed) return parsed.config;
  const problems = parsed.issues.map((issue) =>
    issue.missing
      ? `${issue.name} is required`
      : `${issue.name} ${issue.message}${issue.secret ? '' : ` (got "${issue.value}")`}`,
  );
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** A copy of the config safe to log: secret values and credentials inside URLs are hidden. */
export function redactConfig<S extends ConfigShape>(shape: S, config: Config<S>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    const schema = shape[key] as z.ZodType | undefined;
    if (schema && secretKeys.has(schema)) out[key] = value === undefined ? undefined : '[secret]';
    else if (typeof value === 'string') out[key] = value.replace(/\/\/([^/@\s]+)@/g, '//[secret]@');
    else out[key] = value;
  }
  return out;
}
