import { Injectable } from '@nestjs/common';
import { MessagingClient } from '@app/messaging';
import type { Turn } from '../turn/turn';
import { BUTTONS_PARAMETER, SendMessageAbility } from './send-message.ability';

@Injectable()
export class SendWhatsappMessageAbility extends SendMessageAbility {
  readonly name = 'send_whatsapp_message';
  readonly description =
    'Send a WhatsApp message to the member of this conversation. Returns the send status and, when it did not go out, why.';
  protected readonly channel = 'whatsapp';
  protected override readonly extraParameters = { buttons: BUTTONS_PARAMETER };

  constructor(messaging: MessagingClient) {
    super(messaging);
  }

  /** Only for workspaces with the WhatsApp feature: otherwise the model never sees the tool. */
  isAvailable(turn: Turn): boolean {
    return turn.workspace.features.includes('whatsapp');
  }
}
