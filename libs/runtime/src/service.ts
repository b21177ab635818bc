import { type DynamicModule, Global, Module, type ModuleMetadata } from '@nestjs/common';
import { MessagingModule, type MessagingConfig } from '@app/messaging';
import { bootService, runService, type RunningService, type ServiceOptions } from './bootstrap';

export type Env = Record<string, string | undefined>;
export type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

/** The settings every service's config has (`baseConfigShape` of @app/config). */
export interface RuntimeConfig extends MessagingConfig {
  PORT: number;
  HOST: string;
  LOG_LEVEL: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  SHUTDOWN_TIMEOUT_MS: number;
  /** Addresses/CIDRs whose X-Forwarded-* headers are believed (none when empty). */
  TRUSTED_PROXIES?: string[];
}

/** The validated config of the running service, injectable in every module: `@Inject(SERVICE_CONFIG)`. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** A service's Postgres schema: `database({ entities, migrations })` of @app/persistence. */
export interface ServiceDatabase<C> {
  module(service: string, config: C): DynamicModule;
  migrate(service: string, config: C): Promise<void>;
}

/** What a service is made of besides its name. */
export interface ServiceParts<C extends RuntimeConfig> {
  /** Validates the environment; throws a one-line ConfigError naming the bad variable. */
  loadConfig(env: Env): C;
  /** A token of its own the config is injectable under too (besides SERVICE_CONFIG). */
  configToken?: symbol;
  /** Its own schema, migrated at start and by `main.js migrate`; absent for a service without one. */
  database?: ServiceDatabase<NoInfer<C>>;
  /** Its feature modules (NATS, the database and SERVICE_CONFIG come with every service). */
  modules: ModuleImport[] | ((config: NoInfer<C>) => ModuleImport[]);
  /** HTTP extras: body limit, parsers, docs (see ServiceOptions). */
  http?(config: NoInfer<C>): Pick<ServiceOptions, 'bodyLimit' | 'configure'>;
}

export interface ServiceDefinition<C extends RuntimeConfig> extends ServiceParts<C> {
  /** Names logs, metrics, the NATS consumers and queue group, and the default schema. */
  name: string;
}

/** A service definition, typed so that every hook gets the service's own config. */
export const defineService = <C extends RuntimeConfig>(
  name: string,
  parts: ServiceParts<C>,
): ServiceDefinition<C> => ({ name, ...parts });

@Global()
@Module({})
class ServiceConfigModule {}

@Module({})
class ServiceModule {}

/** The root module of a service: NATS, its database, SERVICE_CONFIG and its feature modules. */
export function serviceModule<C extends RuntimeConfig>(
  definition: ServiceDefinition<C>,
  config: C,
): DynamicModule {
  const { name, database, modules, configToken } = definition;
  const tokens = configToken ? [SERVICE_CONFIG, configToken] : [SERVICE_CONFIG];
  const configModule: DynamicModule = {
    module: ServiceConfigModule,
    providers: tokens.map((token) => ({ provide: token, useValue: config })),
    exports: tokens,
  };
  return {
    module: ServiceModule,
    imports: [
      configModule,
      MessagingModule.forService(name, config),
      ...(database ? [database.module(name, config)] : []),
      ...(typeof modules === 'function' ? modules(config) : modules),
    ],
  };
}

/** Starts a service in this process from environment variables (validated first). */
export function startService<C extends RuntimeConfig>(
  definition: ServiceDefinition<C>,
  env: Env = process.env,
): Promise<RunningService> {
  const config = definition.loadConfig(env);
  return bootService({
    service: definition.name,
    module: serviceModule(definition, config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    trustedProxies: config.TRUSTED_PROXIES,
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
  const { name, database } = definition;
  if (!database) {
    process.stdout.write(`${name}: no database\n`);
    return;
  }
  try {
    await database.migrate(name, definition.loadConfig(process.env));
    process.stdout.write(`${name}: migrations applied\n`);
  } catch (error) {
    process.stderr.write(
      `${name}: migration failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}
