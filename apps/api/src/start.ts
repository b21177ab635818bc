import { startService, type RunningService } from '@app/runtime';
import { loadApiConfig } from './config';
import { ApiModule, SERVICE_NAME } from './api.module';

/** Starts the api service from environment variables (validated first). */
export async function startApi(env: Record<string, string | undefined> = process.env): Promise<RunningService> {
  const config = loadApiConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: ApiModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}
