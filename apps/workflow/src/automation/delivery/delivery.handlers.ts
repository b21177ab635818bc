import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OutboundMessageUpdated } from '@app/contracts';
import { OnEvent } from '@app/messaging';
import { FollowSendUseCase } from './follow-send.usecase';

@Controller()
export class DeliveryHandlers {
  constructor(private readonly followSend: FollowSendUseCase) {}

  @OnEvent(OutboundMessageUpdated)
  follow(@Payload() update: OutboundMessageUpdated) {
    return this.followSend.execute(update);
  }
}
