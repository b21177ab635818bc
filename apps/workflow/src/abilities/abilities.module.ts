import { Module } from '@nestjs/common';
import { ABILITIES, type Ability } from './ability';
import { AbilityRegistry } from './ability-registry';
import { EndChatAbility } from './end-chat.ability';
import { HandoffToHumanAbility } from './handoff-to-human.ability';
import { SendSmsMessageAbility } from './send-sms-message.ability';
import { SendWhatsappMessageAbility } from './send-whatsapp-message.ability';

/** The tools agents may use. A new ability: a class here and its name in definitions/ability-names.ts. */
@Module({
  providers: [
    SendWhatsappMessageAbility,
    SendSmsMessageAbility,
    EndChatAbility,
    HandoffToHumanAbility,
    {
      provide: ABILITIES,
      useFactory: (...abilities: Ability[]) => abilities,
      inject: [SendWhatsappMessageAbility, SendSmsMessageAbility, EndChatAbility, HandoffToHumanAbility],
    },
    AbilityRegistry,
  ],
  exports: [AbilityRegistry],
})
export class AbilitiesModule {}
