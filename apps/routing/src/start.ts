import { startService, type RunningService } from '@app/runtime';
import { loadRoutingConfig } from './config';
import { RoutingModule, SERVICE_NAME } from './routing.module';

/** Starts the routing service from environment variables (validated first). */
export async function startRouting(
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const config = loadRoutingConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: RoutingModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}
