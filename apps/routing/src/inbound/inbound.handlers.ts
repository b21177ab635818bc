import { Controller, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { inboundConversationKey, InboundMessageReceived } from '@app/contracts';
import { JetStreamContext, OnEvent } from '@app/messaging';
import { maskPhone } from '@app/twilio';
import { inboundMetrics } from './inbound-metrics';
import { RouteInboundUseCase } from './route-inbound.usecase';

/** One conversation (workspace number and sender) at a time, in arrival order. */
export const inboundOrderKey = (m: InboundMessageReceived): string => inboundConversationKey(m);

@Controller()
export class InboundHandlers {
  private readonly logger = new Logger('Inbound');

  constructor(private readonly route: RouteInboundUseCase) {}

  @OnEvent(InboundMessageReceived, { orderBy: inboundOrderKey })
  async onInbound(@Payload() message: InboundMessageReceived, @Ctx() ctx: JetStreamContext): Promise<void> {
    const outcome = await this.route.execute(message, ctx.streamSequence);
    if (outcome.accepted) {
      inboundMetrics.accepted(outcome.channel, outcome.keyword);
      return;
    }
    inboundMetrics.rejected(outcome.reason);
    this.logger.log(
      `Dropped inbound ${message.messageSid} (${outcome.reason}) to ${maskPhone(message.to)} from ${maskPhone(message.from)}` +
        (outcome.disabledMessageSent ? '; disabled message sent back' : ''),
    );
  }
}
