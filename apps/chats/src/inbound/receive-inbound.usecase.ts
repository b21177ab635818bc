import { Injectable, Logger } from '@nestjs/common';
import type { MessageAccepted } from '@app/contracts';
import { StoreInboundMessageUseCase } from './store-inbound-message.usecase';
import { TurnPublisher } from './turn.publisher';

/** An accepted inbound message: stored once in its chat, then handed to the workflow. */
@Injectable()
export class ReceiveInboundUseCase {
  private readonly logger = new Logger('ReceiveInbound');

  constructor(
    private readonly store: StoreInboundMessageUseCase,
    private readonly turns: TurnPublisher,
  ) {}

  async execute(accepted: MessageAccepted): Promise<void> {
    const stored = await this.store.execute(accepted);
    if (!stored.stored)
      this.logger.debug(
        `Message ${accepted.twilioSid} was already in chat ${stored.chat.id}; publishing its turn again`,
      );
    await this.turns.publish(accepted, stored);
  }
}
