import { startService, type RunningService } from '@app/runtime';
import { loadIngressConfig } from './config';
import { IngressModule, SERVICE_NAME } from './ingress.module';

/** Starts the ingress service from environment variables (validated first). */
export async function startIngress(env: Record<string, string | undefined> = process.env): Promise<RunningService> {
  const config = loadIngressConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: IngressModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
}
