import type { Member } from '@app/contracts';

/** A member as templates and CEL see it (snake_case, like the rest of the workflow context). */
export interface MemberView {
  id: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  email: string | null;
  notify_sms: boolean;
  notify_email: boolean;
  notify_voice: boolean;
  notify_whatsapp: boolean;
  opted_out: boolean;
  /** The workspace's data about the member (`member.attributes.appointment_at`). */
  attributes: Record<string, unknown>;
}

export function memberView(member: Member): MemberView {
  return {
    id: member.id,
    first_name: member.firstName,
    last_name: member.lastName,
    phone: member.phone,
    email: member.email,
    notify_sms: member.notifySms,
    notify_email: member.notifyEmail,
    notify_voice: member.notifyVoice,
    notify_whatsapp: member.notifyWhatsapp,
    opted_out: member.optedOut,
    attributes: member.attributes ?? {},
  };
}
