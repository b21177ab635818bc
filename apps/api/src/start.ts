import { startService, type RunningService } from '@app/runtime';
import { loadApiConfig } from './config';
import { ApiModule, SERVICE_NAME } from './api.module';
import { findConsoleDir, serveConsole } from './console/serve-console';
import { setupDocs } from './docs/docs';
import { ApiErrorFilter } from './http/api-error.filter';
import { registerYamlBodies } from './http/yaml-body';

/** Starts the api service from environment variables (validated first). */
export async function startApi(
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const config = loadApiConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: ApiModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    bodyLimit: config.API_BODY_LIMIT_BYTES,
    configure: async (app) => {
      // Registered after the runtime's generic filter, so it answers first for every route.
      app.useGlobalFilters(new ApiErrorFilter());
      registerYamlBodies(app.getHttpAdapter().getInstance(), ['/v1/workflows']);
      setupDocs(app);
      await serveConsole(app, findConsoleDir(config.CONSOLE_DIR));
    },
  });
}
