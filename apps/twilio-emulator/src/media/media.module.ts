import { Module } from '@nestjs/common';
import { TwilioBasicAuthGuard } from '../messages/twilio-basic-auth.guard';
import { MediaController } from './media.controller';
import { MediaLibrary } from './media-library.service';

/** Media phones send, hosted behind the account's credentials; uploaded through `/emulator/media`. */
@Module({
  providers: [MediaLibrary, TwilioBasicAuthGuard],
  controllers: [MediaController],
})
export class MediaModule {}
