import { migrateSchema } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadApiConfig } from './config';
import { ApiModule, SERVICE_NAME, apiPersistence } from './api.module';
import { findConsoleDir, serveConsole } from './console/serve-console';
import { setupDocs } from './docs/docs';
import { ApiErrorFilter } from './http/api-error.filter';
import { registerYamlBodies } from './http/yaml-body';

export const apiService = defineService({
  name: SERVICE_NAME,
  loadConfig: loadApiConfig,
  module: (config) => ApiModule.forRoot(config),
  migrate: (config) => migrateSchema(apiPersistence(config)),
  http: (config) => ({
    bodyLimit: config.API_BODY_LIMIT_BYTES,
    configure: async (app) => {
      // Registered after the runtime's generic filter, so it answers first for every route.
      app.useGlobalFilters(new ApiErrorFilter());
      registerYamlBodies(app.getHttpAdapter().getInstance(), ['/v1/workflows']);
      setupDocs(app);
      await serveConsole(app, findConsoleDir(config.CONSOLE_DIR));
    },
  }),
});

/** Starts the api service from environment variables (validated first). */
export const startApi = (env?: Env) => startService(apiService, env);
