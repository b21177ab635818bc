import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startService, type RunningService } from '@app/runtime';
import { loadIngressConfig } from './config';
import { IngressModule, SERVICE_NAME } from './ingress.module';
import { webhookMetrics } from './webhooks/webhook-metrics';

/** Starts the ingress service from environment variables (validated first). */
export async function startIngress(
  env: Record<string, string | undefined> = process.env,
): Promise<RunningService> {
  const config = loadIngressConfig(env);
  return startService({
    service: SERVICE_NAME,
    module: IngressModule.forRoot(config),
    port: config.PORT,
    host: config.HOST,
    logLevel: config.LOG_LEVEL,
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    bodyLimit: config.WEBHOOK_BODY_LIMIT,
    configure: configureHttp,
  });
}

function configureHttp(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  // Any other content type reaches the handler as "not a form" (a 400), instead of fastify's 415.
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, _body, done) => done(null, null));
  // Oversized bodies are refused by the body parser before any handler runs: count them here.
  fastify.addHook('onError', (req, _reply, error, done) => {
    if ((error as { statusCode?: number }).statusCode === 413) {
      webhookMetrics.rejected(
        req.url.startsWith('/twilio/status')
          ? 'status'
          : req.url.startsWith('/twilio/messaging')
            ? 'messaging'
            : 'unknown',
        'too_large',
      );
    }
    done();
  });
}
