/** A message as the Twilio emulator's control API records it (`GET /emulator/messages`). */
export interface RecordedMessage {
  sid: string;
  channel: 'sms' | 'whatsapp';
  to: string;
  from: string;
  body: string | null;
  contentSid: string | null;
  /** The Content API types (`twilio/quick-reply`...) when the content was made through the emulator. */
  content?: Record<string, unknown> | null;
  mediaUrls?: string[];
  status: string;
  errorCode: number | string | null;
  /** Epoch ms. */
  createdAt: number;
  sentAt?: number | null;
}

export interface InboundMessage {
  from: string;
  to: string;
  body: string;
  channel: 'sms' | 'whatsapp';
  messageSid?: string;
  profileName?: string;
  webhookUrl?: string;
  media?: Array<{ url: string; contentType: string }>;
}

/** The Twilio emulator's control API (see apps/twilio-emulator/README.md), for tests. */
export class EmulatorClient {
  constructor(readonly url: string) {}

  /** Messages sent through the emulator, oldest first; a bare phone matches both channels. */
  async messages(
    query: { to?: string; from?: string; channel?: 'sms' | 'whatsapp' } = {},
  ): Promise<RecordedMessage[]> {
    const qs = new URLSearchParams(
      Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
    ).toString();
    const res = await fetch(`${this.url}/emulator/messages${qs ? `?${qs}` : ''}`);
    if (!res.ok) throw new Error(`GET /emulator/messages -> ${res.status}`);
    return ((await res.json()) as { messages: RecordedMessage[] }).messages;
  }

  /** A phone writes to a number: the emulator posts the signed webhook and answers what it got back. */
  async inbound(message: InboundMessage): Promise<{ messageSid: string; status: number; body: string }> {
    const res = await fetch(`${this.url}/emulator/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    });
    return (await res.json()) as { messageSid: string; status: number; body: string };
  }

  /** POSTs a control call (`/emulator/window`, `/emulator/faults`, `/emulator/outcomes`...). */
  async control(path: string, body: unknown): Promise<void> {
    const res = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} -> ${res.status} ${await res.text()}`);
  }

  /** The member presses a button (by id) of a message the business sent; answers the webhook's params. */
  async press(
    messageSid: string,
    id: string,
    webhookUrl?: string,
  ): Promise<{ messageSid: string; params: Record<string, string> }> {
    const res = await fetch(`${this.url}/emulator/press`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messageSid, id, webhookUrl }),
    });
    if (!res.ok) throw new Error(`/emulator/press -> ${res.status} ${await res.text()}`);
    return (await res.json()) as { messageSid: string; params: Record<string, string> };
  }

  /** Typing indicators shown, oldest first (for one inbound message when given). */
  async typing(messageId?: string): Promise<Array<{ channel: string; messageId: string; at: number }>> {
    const res = await fetch(`${this.url}/emulator/typing${messageId ? `?messageId=${messageId}` : ''}`);
    return ((await res.json()) as { indicators: Array<{ channel: string; messageId: string; at: number }> })
      .indicators;
  }

  async rate(from: string): Promise<{ count: number; maxInAnySecond: number }> {
    const res = await fetch(`${this.url}/emulator/rate?from=${encodeURIComponent(from)}`);
    return (await res.json()) as { count: number; maxInAnySecond: number };
  }

  /** Hosts a file a phone will send (behind the account's credentials); its URL goes in `media`. */
  async media(
    contentType: string,
    file: Buffer | { sizeBytes: number },
  ): Promise<{ url: string; contentType: string }> {
    const body = Buffer.isBuffer(file)
      ? { contentType, base64: file.toString('base64') }
      : { contentType, sizeBytes: file.sizeBytes };
    const res = await fetch(`${this.url}/emulator/media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`/emulator/media -> ${res.status} ${await res.text()}`);
    return { url: ((await res.json()) as { url: string }).url, contentType };
  }
}
