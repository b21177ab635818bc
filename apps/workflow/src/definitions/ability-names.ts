/** Every ability an agent step may list. The registry implements each; definitions validate against this. */
export const ABILITY_NAMES = [
  'send_whatsapp_message',
  'send_sms_message',
  'end_chat',
  'handoff_to_human',
] as const;
export type AbilityName = (typeof ABILITY_NAMES)[number];

export const isAbilityName = (name: string): name is AbilityName =>
  (ABILITY_NAMES as readonly string[]).includes(name);

/** Offered to every agent step where the turn allows it, listed or not (the number's work mode decides). */
export const IMPLICIT_ABILITIES: readonly AbilityName[] = ['handoff_to_human'];
