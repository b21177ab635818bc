import type { JsMsg } from '@nats-io/jetstream';

/**
 * The messages a consumer holds (pulled, not yet settled), kept alive together: one timer sends
 * `working()` for all of them, in stream order. JetStream redelivers unacknowledged messages in the
 * order their ack waits run out, not in stream order, so with a timer per message a later message
 * of a conversation could expire first after a crash and reach the next owner before an earlier
 * one. Refreshed together, a conversation's messages run out in the order they were delivered.
 */
export class HeldMessages {
  private readonly held = new Map<number, JsMsg>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly everyMs: number) {}

  get size(): number {
    return this.held.size;
  }

  has(seq: number): boolean {
    return this.held.has(seq);
  }

  hold(msg: JsMsg): void {
    this.held.set(msg.seq, msg);
    if (this.timer) return;
    this.timer = setInterval(() => this.beat(), this.everyMs);
    this.timer.unref();
  }

  release(msg: JsMsg): void {
    this.held.delete(msg.seq);
    if (this.held.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private beat(): void {
    for (const seq of [...this.held.keys()].sort((a, b) => a - b)) this.held.get(seq)?.working();
  }
}
