import { Injectable } from '@nestjs/common';
import { stripChannelPrefix } from '@app/twilio';

/** The last inbound WhatsApp message time of each phone, per business number. */
@Injectable()
export class ConversationWindows {
  private readonly lastInbound = new Map<string, number>();

  record(number: string, phone: string, at: number): void {
    this.lastInbound.set(key(number, phone), at);
  }

  lastInboundAt(number: string, phone: string): number | null {
    return this.lastInbound.get(key(number, phone)) ?? null;
  }

  reset(): void {
    this.lastInbound.clear();
  }
}

function key(number: string, phone: string): string {
  return `${stripChannelPrefix(number)}|${stripChannelPrefix(phone)}`;
}
