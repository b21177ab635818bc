import { Module } from '@nestjs/common';
import { TwilioBasicAuthGuard } from '../messages/twilio-basic-auth.guard';
import { IncomingNumbersController } from './incoming-numbers.controller';
import { IncomingNumbers } from './incoming-numbers.service';

/** The account's phone numbers (IncomingPhoneNumbers). */
@Module({
  controllers: [IncomingNumbersController],
  providers: [IncomingNumbers, TwilioBasicAuthGuard],
  exports: [IncomingNumbers],
})
export class NumbersModule {}
