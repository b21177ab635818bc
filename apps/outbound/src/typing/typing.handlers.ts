import { Controller, Inject, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ShowTyping, type RequestPayload, type ResponsePayload } from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { classifyTwilioError } from '../twilio/twilio-errors';
import { TWILIO_GATEWAY, type TwilioGateway } from '../twilio/twilio-gateway';

/** The WhatsApp typing indicator: a courtesy, so a refusal is answered and logged, never thrown. */
@Controller()
export class TypingHandlers {
  private readonly logger = new Logger('ShowTyping');

  constructor(@Inject(TWILIO_GATEWAY) private readonly twilio: TwilioGateway) {}

  @OnRequest(ShowTyping)
  async show(
    @Payload() request: RequestPayload<typeof ShowTyping>,
  ): Promise<ResponsePayload<typeof ShowTyping>> {
    if (request.channel !== 'whatsapp')
      return { shown: false, reason: 'Typing indicators exist on WhatsApp only.' };
    try {
      await this.twilio.showTyping(request.messageSid);
      return { shown: true, reason: null };
    } catch (error) {
      const failure = classifyTwilioError(error);
      this.logger.warn(`Typing indicator for ${request.messageSid} not shown: ${failure.message}`);
      return { shown: false, reason: failure.message };
    }
  }
}
