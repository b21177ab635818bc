import { Module } from '@nestjs/common';
import { TwilioBasicAuthGuard } from '../messages/twilio-basic-auth.guard';
import { ContentController } from './content.controller';
import { ContentStore } from './content-store.service';
import { TypingIndicators } from './typing-indicators.service';

/** The Content API (interactive messages) and typing indicators. */
@Module({
  controllers: [ContentController],
  providers: [ContentStore, TypingIndicators, TwilioBasicAuthGuard],
  exports: [ContentStore, TypingIndicators],
})
export class ContentModule {}
