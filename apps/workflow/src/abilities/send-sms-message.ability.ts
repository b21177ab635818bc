import { Injectable } from '@nestjs/common';
import { MessagingClient } from '@app/messaging';
import { SendMessageAbility } from './send-message.ability';

@Injectable()
export class SendSmsMessageAbility extends SendMessageAbility {
  readonly name = 'send_sms_message';
  readonly description =
    'Send an SMS text message to the member of this conversation. Returns the send status and, when it did not go out, why.';
  protected readonly channel = 'sms';

  constructor(messaging: MessagingClient) {
    super(messaging);
  }

  isAvailable(): boolean {
    return true;
  }
}
