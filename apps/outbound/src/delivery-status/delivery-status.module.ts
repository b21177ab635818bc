import { Module } from '@nestjs/common';
import { SendsModule } from '../sends/sends.module';
import { ApplyDeliveryStatusUseCase } from './apply-delivery-status.usecase';
import { DeliveryStatusHandlers } from './delivery-status.handlers';

/** Twilio's status callbacks (through ingress) applied to sends. */
@Module({
  imports: [SendsModule],
  controllers: [DeliveryStatusHandlers],
  providers: [ApplyDeliveryStatusUseCase],
})
export class DeliveryStatusModule {}
