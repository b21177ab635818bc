import { Inject, Injectable } from '@nestjs/common';
import type { Interactive } from '@app/contracts';
import { createTwilioClient, type TwilioClient } from '@app/twilio';
import { OUTBOUND_CONFIG, type OutboundConfig } from '../config';
import type { OutgoingMessage, TwilioGateway, TwilioMessageSummary } from './twilio-gateway';

/** Twilio's REST API through the official client (or the emulator at TWILIO_API_BASE_URL). */
@Injectable()
export class TwilioApiGateway implements TwilioGateway {
  private readonly client: TwilioClient;
  /** Content SIDs of the button sets and lists already made, by their JSON (bounded; a miss makes another). */
  private readonly contents = new Map<string, Promise<string>>();

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
    if (message.interactive) {
      // Buttons and lists go through the Content API; the body is its variable, so one content
      // serves every message with the same buttons.
      const contentSid = await this.contentFor(message.interactive);
      const created = await this.client.messages.create({
        from: message.from,
        to: message.to,
        statusCallback: message.statusCallback,
        contentSid,
        contentVariables: JSON.stringify({ 1: message.body ?? '' }),
      });
      return { sid: created.sid, status: created.status };
    }
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
        : {
            body: message.body,
            ...(message.mediaUrls?.length ? { mediaUrl: message.mediaUrls } : {}),
          }),
    });
    return { sid: created.sid, status: created.status };
  }

  private contentFor(interactive: Interactive): Promise<string> {
    const key = JSON.stringify(interactive);
    let sid = this.contents.get(key);
    if (!sid) {
      if (this.contents.size >= MAX_CACHED_CONTENTS) this.contents.delete(this.contents.keys().next().value!);
      sid = this.client.content.v1.contents
        .create(contentRequest(interactive) as never)
        .then((content) => content.sid);
      // A failed create is not kept: the next send tries again.
      sid.catch(() => this.contents.delete(key));
      this.contents.set(key, sid);
    }
    return sid;
  }

  async showTyping(messageSid: string): Promise<void> {
    await this.client.messaging.v2.typingIndicator.create({ channel: 'whatsapp', messageId: messageSid });
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

const MAX_CACHED_CONTENTS = 1000;

/** The Content API's request for buttons (`twilio/quick-reply`) or a list (`twilio/list-picker`), body `{{1}}`. */
export function contentRequest(interactive: Interactive): Record<string, unknown> {
  const body = '{{1}}';
  const types =
    interactive.type === 'buttons'
      ? {
          'twilio/quick-reply': {
            body,
            actions: interactive.buttons.map((b) => ({ type: 'QUICK_REPLY', title: b.title, id: b.id })),
          },
        }
      : {
          'twilio/list-picker': {
            body,
            button: interactive.button,
            items: interactive.items.map((i) => ({
              item: i.title,
              id: i.id,
              ...(i.description ? { description: i.description } : {}),
            })),
          },
        };
  return {
    friendly_name: `interactive-${interactive.type}`,
    language: 'en',
    variables: { 1: 'message' },
    types,
  };
}
