import { Inject, Injectable } from '@nestjs/common';
import { Agent, request } from 'undici';
import { PeriodicSweeper } from '@app/runtime';
import { counter } from '@app/telemetry';
import { API_CONFIG, type ApiConfig } from '../config';
import { checkWebhookUrl, publicOnlyLookup } from './safe-target';
import { retryDelayMs, SIGNATURE_HEADER, signWebhook } from './webhook-signature';
import { WebhooksStore } from './webhooks.store';

const attempts = counter('webhook_deliveries_total', 'Webhook delivery attempts, by outcome', ['outcome']);
const BATCH = 20;

/**
 * Delivers the webhook outbox: every WEBHOOKS_POLL_MS each replica claims due deliveries (a lease
 * in Postgres, so replicas share the work and a crash only delays one), POSTs each signed body,
 * and records the outcome: 2xx delivered; anything else retried with backoff (WEBHOOKS_RETRY_BASE_MS
 * doubling, at most an hour) until the endpoint has failed for WEBHOOKS_DISABLE_AFTER_MS, which
 * disables it. Sockets only reach public addresses unless WEBHOOKS_ALLOW_PRIVATE.
 */
@Injectable()
export class WebhookDispatcher extends PeriodicSweeper {
  private readonly agent: Agent;

  constructor(
    private readonly store: WebhooksStore,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    super({ everyMs: config.WEBHOOKS_POLL_MS, failure: 'Webhook dispatch failed' });
    this.agent = new Agent({
      connect: {
        lookup: publicOnlyLookup(config.WEBHOOKS_ALLOW_PRIVATE),
        timeout: config.WEBHOOKS_TIMEOUT_MS,
      },
      headersTimeout: config.WEBHOOKS_TIMEOUT_MS,
      bodyTimeout: config.WEBHOOKS_TIMEOUT_MS,
    });
  }

  override async onModuleDestroy(): Promise<void> {
    await super.onModuleDestroy();
    await this.agent.close();
  }

  /** One round: deliver what is due, a batch at a time, until nothing is. */
  protected async sweepOnce(): Promise<void> {
    const lease = this.config.WEBHOOKS_TIMEOUT_MS * 3;
    for (;;) {
      if (this.stopping) return;
      const due = await this.store.claimDue(BATCH, lease);
      if (!due.length) return;
      await Promise.all(due.map((d) => this.deliver(d)));
    }
  }

  private async deliver(d: Awaited<ReturnType<WebhooksStore['claimDue']>>[number]): Promise<void> {
    const body = JSON.stringify(d.payload);
    let statusCode: number | null = null;
    let error: string;
    try {
      const url = checkWebhookUrl(d.url, this.config.WEBHOOKS_ALLOW_PRIVATE);
      const res = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'twilio-agents-webhooks/1',
          [SIGNATURE_HEADER]: signWebhook(d.secret, Math.floor(Date.now() / 1000), body),
          'X-Webhook-Id': d.eventId,
          'X-Webhook-Event': d.eventType,
          'X-Webhook-Delivery': d.id,
          'X-Webhook-Attempt': String(d.attempts + 1),
        },
        body,
        maxRedirections: 0,
      });
      statusCode = res.statusCode;
      await res.body.dump({ limit: 64 * 1024 });
      if (statusCode >= 200 && statusCode < 300) {
        await this.store.delivered(d.id, d.endpointId, statusCode);
        attempts.inc({ outcome: 'delivered' });
        return;
      }
      error = `HTTP ${statusCode}`;
    } catch (e) {
      error = e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e);
    }
    attempts.inc({ outcome: 'failed' });
    const retryAt = new Date(Date.now() + retryDelayMs(d.attempts + 1, this.config.WEBHOOKS_RETRY_BASE_MS));
    const disabled = await this.store.failed(d, {
      statusCode,
      error,
      retryAt,
      disableAfterMs: this.config.WEBHOOKS_DISABLE_AFTER_MS,
    });
    if (disabled) this.logger.warn(`Webhook endpoint ${d.endpointId} disabled: failing too long (${error})`);
  }
}
