import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { computeTwilioSignature } from '@app/twilio';
import { Agent, request } from 'undici';
import { encodeForm } from '../common/twilio-format';

export interface WebhookAnswer {
  status: number;
  body: string;
  contentType: string | null;
}

/** Twilio's webhook timeout. */
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Posts form-encoded parameters the way Twilio does: `X-Twilio-Signature` over the exact URL and
 * parameters, Twilio's user agent and an idempotency token. One keep-alive connection pool per origin.
 */
@Injectable()
export class SignedWebhookClient implements OnModuleDestroy {
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 128 });

  async post(
    url: string,
    params: Record<string, string | readonly string[]>,
    authToken: string,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<WebhookAnswer> {
    const response = await request(url, {
      method: 'POST',
      dispatcher: this.agent,
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-twilio-signature': computeTwilioSignature(authToken, url, params),
        'i-twilio-idempotency-token': randomUUID(),
        'user-agent': 'TwilioProxy/1.1',
        accept: '*/*',
      },
      body: encodeForm(params),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const body = await response.body.text();
    const contentType = response.headers['content-type'];
    return {
      status: response.statusCode,
      body,
      contentType: typeof contentType === 'string' ? contentType : null,
    };
  }

  async onModuleDestroy(): Promise<void> {
    // Give in-flight callbacks a moment, then cut whatever is left.
    const closed = this.agent.close();
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 1000).unref());
    if ((await Promise.race([closed.then(() => 'closed' as const), timer])) === 'timeout')
      await this.agent.destroy();
  }
}
