import { Inject, Injectable } from '@nestjs/common';
import { createTwilioClient, type TwilioClient } from '@app/twilio';
import { OUTBOUND_CONFIG, type OutboundConfig } from '../config';
import type { OutgoingMessage, TwilioGateway, TwilioMessageSummary } from './twilio-gateway';

/** Twilio's REST API through the official client (or the emulator at TWILIO_API_BASE_URL). */
@Injectable()
export class TwilioApiGateway implements TwilioGateway {
  private readonly client: TwilioClient;

  constructor(@Inject(OUTBOUND_CONFIG) config: OutboundConfig) {
    this.client = createTwilioClient({
      accountSid: config.TWILIO_ACCOUNT_SID,
      authToken: config.TWILIO_AUTH_TOKEN,
      apiBaseUrl: config.TWILIO_API_BASE_URL,
      timeoutMs: config.TWILIO_TIMEOUT_MS,
      // Retries are ours: they reserve a rate slot each and look for a lost message first.
      autoRetry: false,
    });
  }

  async create(message: OutgoingMessage): Promise<{ sid: string; status: string }> {
    const created = await this.client.messages.create({
      from: message.from,
      to: message.to,
      statusCallback: message.statusCallback,
      ...(message.contentSid
        ? {
            contentSid: message.contentSid,
            ...(message.contentVariables
              ? { contentVariables: JSON.stringify(message.contentVariables) }
              : {}),
          }
        : { body: message.body }),
    });
    return { sid: created.sid, status: created.status };
  }

  async listSince(from: string, to: string, since: Date): Promise<TwilioMessageSummary[]> {
    const messages = await this.client.messages.list({ from, to, dateSentAfter: since, limit: 50 });
    return messages.map((m) => ({
      sid: m.sid,
      status: m.status,
      body: m.body ?? null,
      dateCreated: m.dateCreated,
    }));
  }
}
