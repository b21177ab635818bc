import { Module } from '@nestjs/common';
import { MessagingClient } from '@app/messaging';
import { ABILITIES, type Ability } from './ability';
import { AbilityRegistry } from './ability-registry';
import { EndChatAbility } from './end-chat.ability';
import { HandoffToHumanAbility } from './handoff-to-human.ability';
import { SEND_SMS_MESSAGE, SEND_WHATSAPP_MESSAGE, SendMessageAbility } from './send-message.ability';

/** The tools agents may use. A new ability: a class here and its name in definitions/ability-names.ts. */
@Module({
  providers: [
    EndChatAbility,
    HandoffToHumanAbility,
    {
      provide: ABILITIES,
      useFactory: (messaging: MessagingClient, ...others: Ability[]): Ability[] => [
        new SendMessageAbility(messaging, SEND_WHATSAPP_MESSAGE),
        new SendMessageAbility(messaging, SEND_SMS_MESSAGE),
        ...others,
      ],
      inject: [MessagingClient, EndChatAbility, HandoffToHumanAbility],
    },
    AbilityRegistry,
  ],
  exports: [AbilityRegistry],
})
export class AbilitiesModule {}
