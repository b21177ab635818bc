// The steady stream: many conversations, each a phone writing to one of our numbers on SMS or
// WhatsApp. Messages of one conversation go one after another, each retried (same MessageSid, as
// Twilio retries) until ingress answers 2xx, so "arrival order" is well defined: the order in which
// they were accepted. Different conversations run in parallel.
import { Emulator, messageSid } from './clients';
import { Random, sleep } from './util';

export interface Conversation {
  index: number;
  phone: string;
  number: string;
  channel: 'sms' | 'whatsapp';
}

export interface SentMessage {
  conversation: number;
  seq: number;
  sid: string;
  body: string;
  /** Webhook answers in order (HTTP status, or 0 when the call itself failed or timed out). */
  answers: number[];
  accepted: boolean;
  acceptedAt?: number;
}

export interface TrafficOptions {
  emulator: Emulator;
  conversations: Conversation[];
  total: number;
  /** Messages per second, overall. */
  rate: number;
  /** Tag in every body, so replies map back to their message. */
  tag: string;
  random: Random;
  /** Give up on one message after this long without a 2xx. */
  giveUpMs: number;
}

export const bodyOf = (tag: string, conversation: number, seq: number) => `${tag}-c${conversation}-m${seq}`;

/** Every `<tag>-c<n>-m<k>` in a reply (a turn may answer several queued messages at once). */
export function tokensIn(tag: string, text: string | null): Array<{ conversation: number; seq: number }> {
  if (!text) return [];
  const out: Array<{ conversation: number; seq: number }> = [];
  const re = new RegExp(`${tag}-c(\\d+)-m(\\d+)`, 'g');
  for (const m of text.matchAll(re)) out.push({ conversation: Number(m[1]), seq: Number(m[2]) });
  return out;
}

export class Traffic {
  readonly messages: SentMessage[] = [];
  private readonly queues: SentMessage[][];
  private readonly workers: Array<Promise<void> | undefined>;
  private dispatched = 0;
  retries = 0;
  private finished = false;

  constructor(private readonly options: TrafficOptions) {
    this.queues = options.conversations.map(() => []);
    this.workers = options.conversations.map(() => undefined);
  }

  get acceptedCount(): number {
    return this.messages.filter((m) => m.accepted).length;
  }

  get progress(): number {
    return this.dispatched / this.options.total;
  }

  /**
   * Plays the whole stream while `during` runs (given whether the stream is done yet), logging the
   * progress every `logEveryMs`; resolves when both are over.
   */
  async runWhile(
    during: (trafficDone: () => boolean) => Promise<void>,
    log: (line: string) => void,
    logEveryMs: number,
  ): Promise<void> {
    let done = false;
    const running = this.run().then(() => {
      done = true;
    });
    const timer = setInterval(
      () =>
        log(
          `progress: ${Math.round(this.progress * 100)}% dispatched, ${this.acceptedCount} accepted, ${this.retries} webhook retries`,
        ),
      logEveryMs,
    );
    try {
      await during(() => done);
      await running;
    } finally {
      clearInterval(timer);
    }
  }

  /** Plays the whole stream: message i leaves at i / rate seconds, into a random conversation. */
  async run(): Promise<void> {
    const { conversations, total, rate, random, tag } = this.options;
    const start = Date.now();
    const nextSeq = conversations.map(() => 0);
    // Every conversation gets its share; the order between conversations is random.
    const plan: number[] = [];
    for (let i = 0; i < total; i++) plan.push(i % conversations.length);
    const order = random.shuffle(plan);
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const c = order[i];
      const seq = nextSeq[c]++;
      const message: SentMessage = {
        conversation: c,
        seq,
        sid: messageSid(),
        body: bodyOf(tag, c, seq),
        answers: [],
        accepted: false,
      };
      this.messages.push(message);
      this.queues[c].push(message);
      this.dispatched++;
      this.workers[c] ??= this.drain(c);
    }
    this.finished = true;
    for (;;) {
      const running = this.workers.filter((w): w is Promise<void> => w !== undefined);
      if (!running.length) break;
      await Promise.all(running);
    }
  }

  private async drain(c: number): Promise<void> {
    try {
      for (let message = this.queues[c].shift(); message; message = this.queues[c].shift())
        await this.deliver(message);
    } finally {
      this.workers[c] = undefined;
    }
  }

  /** Posts the webhook until it gets a 2xx (Twilio's retry), or gives up. */
  private async deliver(message: SentMessage): Promise<void> {
    const conversation = this.options.conversations[message.conversation];
    const deadline = Date.now() + this.options.giveUpMs;
    let backoff = 200;
    for (;;) {
      let status = 0;
      try {
        const answer = await this.options.emulator.inbound(
          {
            from: conversation.phone,
            to: conversation.number,
            channel: conversation.channel,
            body: message.body,
            messageSid: message.sid,
          },
          12_000,
        );
        status = answer.status;
      } catch {
        status = 0;
      }
      message.answers.push(status);
      if (status >= 200 && status < 300) {
        message.accepted = true;
        message.acceptedAt = Date.now();
        return;
      }
      if (Date.now() > deadline) return;
      this.retries++;
      await sleep(backoff + Math.floor(this.options.random.next() * backoff));
      backoff = Math.min(backoff * 2, 3000);
    }
  }

  get done(): boolean {
    return this.finished;
  }
}
