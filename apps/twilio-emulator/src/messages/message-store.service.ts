import { Inject, Injectable } from '@nestjs/common';
import { stripChannelPrefix } from '@app/twilio';
import { EMULATOR_CONFIG, type EmulatorConfig } from '../config';
import { maxInAnyWindow } from '../control/rate';
import type { EmulatedMessage } from './message.model';

/** Every outbound message, in memory, in creation order; the oldest go beyond `maxMessages`. */
@Injectable()
export class MessageStore {
  private readonly messages = new Map<string, EmulatedMessage>();
  /** Accept times per sender phone, oldest first, kept even when messages are dropped. */
  private readonly acceptedBySender = new Map<string, number[]>();

  constructor(@Inject(EMULATOR_CONFIG) private readonly config: EmulatorConfig) {}

  add(message: EmulatedMessage): void {
    this.messages.set(message.sid, message);
    if (message.fromPhone) {
      const times = this.acceptedBySender.get(message.fromPhone);
      if (times) times.push(message.createdAt);
      else this.acceptedBySender.set(message.fromPhone, [message.createdAt]);
    }
    if (this.messages.size > this.config.maxMessages) {
      const oldest = this.messages.keys().next();
      if (!oldest.done) this.messages.delete(oldest.value);
    }
  }

  get(sid: string): EmulatedMessage | undefined {
    return this.messages.get(sid);
  }

  /** Oldest first. */
  all(): EmulatedMessage[] {
    return [...this.messages.values()];
  }

  newestFirst(): EmulatedMessage[] {
    return this.all().reverse();
  }

  /** How many messages were accepted from a sender, and the most in any sliding second. */
  rate(from: string): { count: number; maxInAnySecond: number } {
    const times = this.acceptedBySender.get(stripChannelPrefix(from)) ?? [];
    const ascending = isSorted(times) ? times : [...times].sort((a, b) => a - b);
    return { count: times.length, maxInAnySecond: maxInAnyWindow(ascending, 1000) };
  }

  reset(): void {
    this.messages.clear();
    this.acceptedBySender.clear();
  }
}

function isSorted(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] < values[i - 1]) return false;
  return true;
}
