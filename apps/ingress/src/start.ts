import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { defineService, startService, type Env } from '@app/runtime';
import { loadIngressConfig } from './config';
import { webhookMetrics } from './webhooks/webhook-metrics';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Twilio edge: validates webhooks and makes them durable on JetStream. */
export const ingressService = defineService('ingress', {
  loadConfig: loadIngressConfig,
  modules: (config) => [WebhooksModule.forRoot(config)],
  http: (config) => ({ bodyLimit: config.WEBHOOK_BODY_LIMIT, configure: configureHttp }),
});

/** Starts the ingress service from environment variables (validated first). */
export const startIngress = (env?: Env) => startService(ingressService, env);

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
