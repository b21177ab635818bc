import { maskPhone } from '@app/rules';

/**
 * A member in the inbox: their name as written, else their phone masked (the inbox is seen by
 * more people than the member page, which shows it in full).
 */
export function memberLabel(member: {
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}) {
  const name = [member.firstName, member.lastName].filter(Boolean).join(' ').trim();
  return name || maskPhone(member.phone) || 'Unnamed member';
}

/** A key for one reply, so a retried request sends it once. */
export function replyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
