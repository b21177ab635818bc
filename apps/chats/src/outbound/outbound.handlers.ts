import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { OutboundMessageUpdated } from '@app/contracts';
import { OnEvent } from '@app/messaging';
import { RecordOutboundUpdateUseCase } from './record-outbound-update.usecase';

@Controller()
export class OutboundHandlers {
  constructor(private readonly record: RecordOutboundUpdateUseCase) {}

  // One send's updates in stream order; different sends in parallel.
  @OnEvent(OutboundMessageUpdated, { orderBy: (u) => u.sendId })
  async onOutboundMessageUpdated(@Payload() update: OutboundMessageUpdated): Promise<void> {
    await this.record.execute(update);
  }
}
