import { Module } from '@nestjs/common';
import { TwilioApiGateway } from './twilio-api.gateway';
import { TWILIO_GATEWAY } from './twilio-gateway';

/** The only place in the system that talks to Twilio's REST API. */
@Module({
  providers: [{ provide: TWILIO_GATEWAY, useClass: TwilioApiGateway }],
  exports: [TWILIO_GATEWAY],
})
export class TwilioModule {}
