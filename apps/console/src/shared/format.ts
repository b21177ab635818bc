const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** "3 Mar 2026, 14:05" in the viewer's locale and zone; empty for null. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '';
}

/** Today's times without the date, older ones with it. */
export function formatWhen(iso: string | null | undefined, now = new Date()): string {
  if (!iso) return '';
  const when = new Date(iso);
  return when.toDateString() === now.toDateString() ? timeOnly.format(when) : dateTime.format(when);
}

/** A member as people know them: their name as written, else their phone, else their email. */
export function memberName(member: {
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email?: string | null;
}): string {
  const name = [member.firstName, member.lastName].filter(Boolean).join(' ').trim();
  return name || member.phone || member.email || 'Unnamed member';
}
