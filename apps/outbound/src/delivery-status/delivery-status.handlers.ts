import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { DeliveryStatusReceived } from '@app/contracts';
import { JetStreamContext, OnEvent } from '@app/messaging';
import { ApplyDeliveryStatusUseCase } from './apply-delivery-status.usecase';

@Controller()
export class DeliveryStatusHandlers {
  constructor(private readonly applyStatus: ApplyDeliveryStatusUseCase) {}

  // One message's callbacks one at a time, so two of them never race on the same send.
  @OnEvent(DeliveryStatusReceived, { orderBy: (c) => c.messageSid })
  async onStatus(@Payload() callback: DeliveryStatusReceived, @Ctx() ctx: JetStreamContext): Promise<void> {
    // Handled before (redelivered, or retried in place): it may have moved the send unpublished.
    await this.applyStatus.execute(callback, { handledBefore: ctx.handledBefore });
  }
}
