import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { conversationKey, MessageAccepted } from '@app/contracts';
import { OnEvent } from '@app/messaging';
import { ReceiveInboundUseCase } from './receive-inbound.usecase';

@Controller()
export class InboundHandlers {
  constructor(private readonly receive: ReceiveInboundUseCase) {}

  // One conversation in arrival order, so its messages are stored in the order they came.
  @OnEvent(MessageAccepted, { orderBy: (m) => conversationKey(m) })
  async onMessageAccepted(@Payload() accepted: MessageAccepted): Promise<void> {
    await this.receive.execute(accepted);
  }
}
