import { Inject, Injectable } from '@nestjs/common';
import { SendRequested, sendMsgId, type SendRequest } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { PeriodicSweeper, SERVICE_CONFIG } from '@app/runtime';
import { holdingMessagesSent } from '../chats-metrics';
import type { ChatsConfig } from '../config';
import { ChatsRepository, type DueHolding } from '../store/chats.repository';

const BATCH = 100;

/**
 * Sends the number's holding message to chats that waited the number's handoff timeout with no
 * person answering, once per wait: every CHATS_HOLDING_SWEEP_MS each replica claims the due chats
 * (rows locked, others skip them) and hands each a `system` send to outbound (opt-out, the
 * notification switch and the 24-hour window apply). The due time is in Postgres, so a restart
 * loses nothing; the send's key names the wait, so a crash before the claim commits sends once.
 */
@Injectable()
export class HoldingSweeper extends PeriodicSweeper {
  constructor(
    @Inject(SERVICE_CONFIG) config: ChatsConfig,
    private readonly chats: ChatsRepository,
    private readonly messaging: MessagingClient,
  ) {
    super({ everyMs: config.CHATS_HOLDING_SWEEP_MS, failure: 'Holding messages not sent this time' });
  }

  protected async sweepOnce(): Promise<void> {
    while ((await this.chats.claimDueHoldings(BATCH, (due) => this.send(due))) === BATCH);
  }

  private async send(due: DueHolding[]): Promise<void> {
    for (const chat of due) {
      const request: SendRequest = {
        idempotencyKey: `holding:${chat.id}:${chat.waitingSince.getTime()}`,
        workspaceId: chat.workspaceId,
        phoneNumberId: chat.phoneNumberId,
        memberId: chat.memberId,
        channel: chat.channel,
        body: chat.holdingMessage,
        kind: 'system',
        // Part of a conversation someone is waiting in: not queued behind broadcasts.
        lane: 'conversation',
        chatId: chat.id,
        origin: { service: 'chats', ref: `holding:${chat.id}` },
      };
      await this.messaging.publish(SendRequested, request, { msgId: sendMsgId(request) });
      holdingMessagesSent.inc({ channel: chat.channel });
      this.logger.log(`Holding message handed to outbound for chat ${chat.id}`);
    }
  }
}
