import { BaseRpcContext } from '@nestjs/microservices';
import type { JsMsg } from '@nats-io/jetstream';

/** What a JetStream event handler can learn about the delivery (via `@Ctx()`). */
export class JetStreamContext extends BaseRpcContext<[JsMsg, string]> {
  /** This delivery's attempt: the consumer retries a failed handler in place before releasing it. */
  attempt = 1;

  constructor(msg: JsMsg, subject: string) {
    super([msg, subject]);
  }
  /** The contract subject (without namespace). */
  get subject(): string {
    return this.args[1];
  }
  get msgId(): string | null {
    return this.args[0].headers?.get('Nats-Msg-Id') || null;
  }
  get deliveryCount(): number {
    return this.args[0].info.deliveryCount;
  }
  get redelivered(): boolean {
    return this.args[0].redelivered;
  }
  /**
   * Whether a handler ran for this message before (an earlier delivery, or an earlier attempt of
   * this one): its effects may be stored without what should have followed them (a publish).
   */
  get handledBefore(): boolean {
    return this.deliveryCount > 1 || this.attempt > 1;
  }
  get streamSequence(): number {
    return this.args[0].seq;
  }
  header(name: string): string | null {
    return this.args[0].headers?.get(name) || null;
  }
}
