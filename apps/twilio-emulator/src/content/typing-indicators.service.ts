import { Injectable } from '@nestjs/common';

export interface TypingIndicator {
  channel: string;
  /** The inbound message the business is answering. */
  messageId: string;
  at: number;
}

/** Typing indicators shown to members (Messaging v2 Indicators/Typing), oldest first. */
@Injectable()
export class TypingIndicators {
  private shown: TypingIndicator[] = [];

  record(indicator: TypingIndicator): void {
    this.shown.push(indicator);
    if (this.shown.length > 10_000) this.shown.shift();
  }

  list(messageId?: string): TypingIndicator[] {
    return messageId ? this.shown.filter((t) => t.messageId === messageId) : [...this.shown];
  }

  reset(): void {
    this.shown = [];
  }
}
