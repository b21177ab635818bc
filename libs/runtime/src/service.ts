import type { DynamicModule, Type } from '@nestjs/common';
import { bootService, runService, type RunningService, type ServiceOptions } from './bootstrap';

export type Env = Record<string, string | undefined>;

/** The settings every service's config has (`baseConfigShape` of @app/config). */
export interface RuntimeConfig {
  PORT: number;
  HOST: string;
  LOG_LEVEL: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  SHUTDOWN_TIMEOUT_MS: number;
}

/** What makes one service: its name, its validated config and the root module built from it. */
export interface ServiceDefinition<C extends RuntimeConfig> {
  name: string;
  /** Validates the environment; throws a one-line ConfigError naming the bad variable. */
  loadConfig(env: Env): C;
  module(config: C): Type | DynamicModule;
  /** HTTP extras: body limit, parsers, docs (see ServiceOptions). */
  http?(config: C): Pick<ServiceOptions, 'bodyLimit' | 'configure'>;
  /** Applies the schema's migrations (`main.js migrate`); absent for a service without a database. */
  migrate?(config: C): Promise<void>;
}

/** Names a service definition (the identity, typed: `config` is the service's own in every hook). */
export const defineService = <C extends RuntimeConfig>(definition: ServiceDefinition<C>) => definition;

/** Starts a service in this process from environment variables (validated first). */
export function startService<C extends RuntimeConfig>(
  definition: ServiceDefinition<C>,
  env: Env = process.env,
): Promise<RunningService> {
  const config = definition.loadConfig(env);
  return bootService({
    service: definition.name,
    module: definition.module(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    ...definition.http?.(config),
  });
}

/**
 * The body of every main.ts. `main.js migrate` applies the service's migrations and exits (0, or 1
 * with one line); otherwise the service starts and runs until SIGTERM/SIGINT.
 */
export function runMain<C extends RuntimeConfig>(
  definition: ServiceDefinition<C>,
  argv: readonly string[] = process.argv,
): void {
  if (argv[2] === 'migrate') void migrateOnly(definition);
  else void runService(() => startService(definition));
}

async function migrateOnly<C extends RuntimeConfig>(definition: ServiceDefinition<C>): Promise<void> {
  const { name, migrate } = definition;
  if (!migrate) {
    process.stdout.write(`${name}: no database\n`);
    return;
  }
  try {
    await migrate(definition.loadConfig(process.env));
    process.stdout.write(`${name}: migrations applied\n`);
  } catch (error) {
    process.stderr.write(
      `${name}: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
