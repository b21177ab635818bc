import { startService, type RunningService } from '@app/runtime';
import { loadOutboundConfig } from './config';
import { OutboundModule, SERVICE_NAME } from './outbound.module';

/** Starts the outbound service from environment variables (validated first). */
export async function startOutbound(
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const config = loadOutboundConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: OutboundModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}
