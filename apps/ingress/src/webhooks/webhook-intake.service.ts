import { Inject, Injectable, Logger } from '@nestjs/common';
import { DeliveryStatusReceived, InboundMessageReceived } from '@app/contracts';
import { field, signedParams, type FormFields } from './form-fields';
import { toInboundMessage } from './inbound-message.mapper';
import { toDeliveryStatus } from './status-callback.mapper';
import { verifyTwilioSignature } from './signature-verifier';
import { WebhookPublisher } from './webhook-publisher';
import type { TwilioAccounts } from './twilio-accounts';
import { webhookMetrics, type RejectReason, type WebhookKind } from './webhook-metrics';

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

export interface WebhookSettings {
  accounts: TwilioAccounts;
  /** PUBLIC_BASE_URL without trailing slash, when set. */
  publicBaseUrl?: string;
}

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** What to answer Twilio. */
export interface WebhookAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** One webhook as received, after the body parser. */
export interface WebhookRequest {
  kind: WebhookKind;
  /** The parsed body, or null when it was not form-encoded. */
  form: FormFields | null;
  signature: string | undefined;
  /** The public URL Twilio signed. */
  url: string;
  /** `?sendId=` of a status callback URL. */
  sendId?: string;
}

const OK: WebhookAnswer = { status: 200, contentType: 'text/xml', body: EMPTY_TWIML };

const ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  413: 'Payload Too Large',
  503: 'Service Unavailable',
};

export function errorAnswer(status: number, message: string): WebhookAnswer {
  return {
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify({ statusCode: status, error: ERROR_NAMES[status] ?? 'Error', message }),
  };
}

/**
 * The Twilio edge: authenticates a webhook, maps it to its event and answers 200 only once
 * JetStream stored it (the MessageSid is the de-duplication id, so Twilio's retries are one
 * message). If storing fails the answer is 503 and Twilio retries.
 */
@Injectable()
export class WebhookIntake {
  private readonly logger = new Logger('WebhookIntake');
  private readonly lastWarned = new Map<RejectReason, number>();

  constructor(
    private readonly publisher: WebhookPublisher,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  async receive(request: WebhookRequest): Promise<WebhookAnswer> {
    const { kind, form } = request;
    if (!form)
      return this.reject(
        kind,
        'not_form',
        400,
        'Expected a form-encoded Twilio webhook (application/x-www-form-urlencoded).',
      );
    if (!request.signature)
      return this.reject(kind, 'missing_signature', 403, 'Missing X-Twilio-Signature header.');
    const accountSid = field(form, 'AccountSid');
    const token = this.settings.accounts.tokenFor(accountSid);
    if (!token || !accountSid)
      return this.reject(
        kind,
        'unknown_account',
        403,
        'The webhook names a Twilio account this service does not accept.',
      );
    if (!verifyTwilioSignature(token, request.signature, request.url, signedParams(form))) {
      return this.reject(
        kind,
        'bad_signature',
        403,
        'Invalid X-Twilio-Signature: check TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL.',
      );
    }
    const receivedAt = new Date().toISOString();
    if (kind === 'messaging') {
      const mapped = toInboundMessage(form, accountSid, receivedAt);
      if (!mapped.ok) return this.reject(kind, 'malformed', 400, mapped.message);
      return this.store(kind, () =>
        this.publisher.publish(InboundMessageReceived, mapped.event, mapped.event.messageSid),
      );
    }
    const mapped = toDeliveryStatus(form, accountSid, request.sendId, receivedAt);
    if (!mapped.ok) return this.reject(kind, 'malformed', 400, mapped.message);
    const msgId = `${mapped.event.messageSid}:${mapped.event.status}`;
    return this.store(kind, () => this.publisher.publish(DeliveryStatusReceived, mapped.event, msgId));
  }

  private async store(
    kind: WebhookKind,
    publish: () => Promise<{ duplicate: boolean }>,
  ): Promise<WebhookAnswer> {
    try {
      const { duplicate } = await publish();
      webhookMetrics.accepted(kind, duplicate);
      // With LOG_LEVEL=debug every hop leaves a line with its trace id (ingress's is this one).
      this.logger.debug(`${kind} webhook stored${duplicate ? ' (duplicate)' : ''}`);
      return OK;
    } catch (error) {
      // Never 2xx for something not stored: Twilio retries a 5xx.
      this.logger.error(
        `Could not store a ${kind} webhook on JetStream: ${error instanceof Error ? error.message : String(error)}`,
      );
      return this.reject(kind, 'unavailable', 503, 'The webhook could not be stored; retry later.');
    }
  }

  private reject(kind: WebhookKind, reason: RejectReason, status: number, message: string): WebhookAnswer {
    webhookMetrics.rejected(kind, reason);
    // A misconfigured token or proxy rejects every webhook: say so, but once a minute per reason, not per request.
    const now = Date.now();
    if ((this.lastWarned.get(reason) ?? 0) + 60_000 < now) {
      this.lastWarned.set(reason, now);
      this.logger.warn(
        `Rejected a ${kind} webhook (${reason}): ${message} (further ones for a minute only counted in ingress_webhooks_rejected_total)`,
      );
    }
    return errorAnswer(status, message);
  }
}
