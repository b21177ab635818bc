import { Module } from '@nestjs/common';
import { PhoneNumbersController } from './phone-numbers.controller';

/** A workspace's Twilio numbers and their settings (owned by routing). */
@Module({ controllers: [PhoneNumbersController] })
export class PhoneNumbersModule {}
