/** Every ability an agent step may list. The registry implements each; definitions validate against this. */
export const ABILITY_NAMES = ['send_whatsapp_message', 'send_sms_message', 'end_chat'] as const;
export type AbilityName = (typeof ABILITY_NAMES)[number];

export const isAbilityName = (name: string): name is AbilityName =>
  (ABILITY_NAMES as readonly string[]).includes(name);
