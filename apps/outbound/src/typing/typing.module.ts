import { Module } from '@nestjs/common';
import { TwilioModule } from '../twilio/twilio.module';
import { TypingHandlers } from './typing.handlers';

/** The member sees the business typing while the agent thinks (WhatsApp). */
@Module({ imports: [TwilioModule], controllers: [TypingHandlers] })
export class TypingModule {}
