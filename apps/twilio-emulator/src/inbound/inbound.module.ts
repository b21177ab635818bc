import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WhatsAppModule } from '../whatsapp/whatsapp.module';
import { InboundController } from './inbound.controller';
import { InboundService } from './inbound.service';

/** The phone side: inbound SMS and WhatsApp messages posted to the application's webhook. */
@Module({
  imports: [WebhooksModule, WhatsAppModule],
  controllers: [InboundController],
  providers: [InboundService],
  exports: [InboundService],
})
export class InboundModule {}
