import { BadGatewayException, Inject, Injectable } from '@nestjs/common';
import { newSid } from '../common/twilio-format';
import { EMULATOR_CONFIG, type EmulatorConfig } from '../config';
import { SignedWebhookClient } from '../webhooks/signed-webhook.client';
import { WhatsAppRules } from '../whatsapp/whatsapp-rules.service';
import { buildInboundParams, type InboundMessage } from './inbound-params';

export interface InboundDelivery extends InboundMessage {
  messageSid?: string;
  webhookUrl?: string;
}

export interface InboundResult {
  messageSid: string;
  /** The HTTP status the webhook answered. */
  status: number;
  /** The webhook's response body (TwiML, usually). */
  body: string;
  contentType: string | null;
  params: Record<string, string>;
}

/** Plays a phone: records an inbound message and posts it, signed, to the application's webhook. */
@Injectable()
export class InboundService {
  constructor(
    @Inject(EMULATOR_CONFIG) private readonly config: EmulatorConfig,
    private readonly webhooks: SignedWebhookClient,
    private readonly whatsapp: WhatsAppRules,
  ) {}

  async deliver(inbound: InboundDelivery): Promise<InboundResult> {
    const messageSid = inbound.messageSid ?? newSid(inbound.media.length > 0 ? 'MM' : 'SM');
    const params = buildInboundParams(inbound, this.config.accountSid, messageSid);
    if (inbound.channel === 'whatsapp') {
      this.whatsapp.recordInbound(inbound.toPhone, inbound.fromPhone, inbound.body, Date.now());
    }
    const url = inbound.webhookUrl ?? this.config.webhookUrl;
    try {
      const answer = await this.webhooks.post(url, params, this.config.authToken);
      return {
        messageSid,
        status: answer.status,
        body: answer.body,
        contentType: answer.contentType,
        params,
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new BadGatewayException({
        statusCode: 502,
        error: 'Bad Gateway',
        message: `Webhook ${url} failed: ${reason}`,
        messageSid,
      });
    }
  }
}
