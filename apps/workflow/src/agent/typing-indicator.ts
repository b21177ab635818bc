import { Injectable, Logger } from '@nestjs/common';
import { ShowTyping } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { Turn } from '../turn/turn';

/** WhatsApp shows an indicator for 25 s; a longer think shows it again. */
const REFRESH_MS = 20_000;

/**
 * Shows a WhatsApp member that we are typing while the agent thinks (outbound asks Twilio). Never
 * waited on and never fatal: the answer matters, the indicator is a courtesy.
 */
@Injectable()
export class TypingIndicator {
  private readonly logger = new Logger('TypingIndicator');

  constructor(private readonly messaging: MessagingClient) {}

  /** Returns a function to call before each model call: it shows the indicator when due. */
  forTurn(turn: Turn): () => void {
    const messageSid = turn.inReplyTo?.twilioSid;
    if (turn.channel !== 'whatsapp' || !messageSid) return () => undefined;
    let shownAt = -Infinity;
    return () => {
      if (Date.now() - shownAt < REFRESH_MS) return;
      shownAt = Date.now();
      this.messaging
        .request(
          ShowTyping,
          {
            workspaceId: turn.workspace.id,
            phoneNumberId: turn.phoneNumber.id,
            channel: turn.channel,
            messageSid,
          },
          { timeoutMs: 5_000 },
        )
        .catch((error: unknown) =>
          this.logger.warn(
            `Typing indicator in chat ${turn.chatId} not shown: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    };
  }
}
