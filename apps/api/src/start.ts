import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrateSchema } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { CallerIdentifier } from './auth/identify-caller';
import { callerKey, installRequestGate } from './auth/request-gate';
import { loadApiConfig, type ApiConfig } from './config';
import { ApiModule, SERVICE_NAME, apiPersistence } from './api.module';
import { findConsoleDir, serveConsole } from './console/serve-console';
import { setupDocs } from './docs/docs';
import { ApiErrorFilter } from './http/api-error.filter';
import { registerBodyParsers } from './http/body-parsers';
import { registerEdgeLimits } from './rate-limits/edge-limits';
import { RateLimits } from './rate-limits/rate-limits';

export const apiService = defineService({
  name: SERVICE_NAME,
  loadConfig: loadApiConfig,
  module: (config) => ApiModule.forRoot(config),
  migrate: (config) => migrateSchema(apiPersistence(config)),
  http: (config) => ({
    bodyLimit: config.API_BODY_LIMIT_BYTES,
    configure: (app) => configureHttp(app, config),
  }),
});

/** Starts the api service from environment variables (validated first). */
export const startApi = (env?: Env) => startService(apiService, env);

async function configureHttp(app: NestFastifyApplication, config: ApiConfig): Promise<void> {
  // Registered after the runtime's generic filter, so it answers first for every route.
  app.useGlobalFilters(new ApiErrorFilter());
  const fastify = app.getHttpAdapter().getInstance();
  registerBodyParsers(app, { bodyLimit: config.API_BODY_LIMIT_BYTES, yamlRoutes: ['/v1/workflows'] });
  const limits = app.get(RateLimits);
  const edge = await registerEdgeLimits(
    fastify,
    limits.store,
    {
      windowMs: config.API_RATE_LIMIT_WINDOW_MS,
      perAddress: config.API_RATE_LIMIT_PER_ADDRESS,
      perCaller: config.API_RATE_LIMIT_PER_KEY,
    },
    callerKey,
  );
  installRequestGate(fastify, { identifier: app.get(CallerIdentifier), limits, edge });
  setupDocs(app);
  await serveConsole(app, findConsoleDir(config.CONSOLE_DIR));
}
