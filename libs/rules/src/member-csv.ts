/** The member fields a CSV column can fill (attributes are read from `attributes.<key>` columns). */
export type MemberCsvField =
  | 'firstName'
  | 'lastName'
  | 'phone'
  | 'email'
  | 'notifySms'
  | 'notifyEmail'
  | 'notifyVoice'
  | 'notifyWhatsapp';

/** Column headings a person might write (lower case, letters only), to the member field they mean. */
export const MEMBER_CSV_HEADINGS: Readonly<Record<string, MemberCsvField>> = {
  firstname: 'firstName',
  first: 'firstName',
  givenname: 'firstName',
  lastname: 'lastName',
  last: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  phone: 'phone',
  phonenumber: 'phone',
  mobile: 'phone',
  email: 'email',
  emailaddress: 'email',
  notifysms: 'notifySms',
  sms: 'notifySms',
  smsnotifications: 'notifySms',
  notifyemail: 'notifyEmail',
  emailnotifications: 'notifyEmail',
  notifyvoice: 'notifyVoice',
  voice: 'notifyVoice',
  voicenotifications: 'notifyVoice',
  notifywhatsapp: 'notifyWhatsapp',
  whatsapp: 'notifyWhatsapp',
  whatsappnotifications: 'notifyWhatsapp',
};

/** `attributes.appointment_at` or `attribute:clinic`: a column of the member's attributes. */
const ATTRIBUTE_HEADING = /^\s*attributes?\s*[.:]\s*(.+?)\s*$/i;
const SWITCHES = new Set<MemberCsvField>(['notifySms', 'notifyEmail', 'notifyVoice', 'notifyWhatsapp']);
const YES = new Set(['true', 'yes', 'y', '1', 'on']);
const NO = new Set(['false', 'no', 'n', '0', 'off']);

/** What a heading names: a member field, an attribute, or nothing (the column is left out). */
export type MemberCsvColumn = { field: MemberCsvField } | { attribute: string } | null;

export function memberCsvColumn(heading: string): MemberCsvColumn {
  const field = MEMBER_CSV_HEADINGS[heading.toLowerCase().replace(/[^a-z]/g, '')];
  if (field) return { field };
  const attribute = ATTRIBUTE_HEADING.exec(heading)?.[1];
  return attribute ? { attribute } : null;
}

/**
 * A cell of a field's column, trimmed: a switch reads yes or no (or is a problem to report on its
 * line), text is itself. Empty, a text cell is null (no value) and a switch undefined (it sets nothing).
 */
export function readMemberCsvCell(
  field: MemberCsvField,
  heading: string,
  cell: string,
): string | boolean | null | undefined | { problem: string } {
  const value = cell.trim();
  const isSwitch = SWITCHES.has(field);
  if (value === '') return isSwitch ? undefined : null;
  if (!isSwitch) return value;
  if (YES.has(value.toLowerCase())) return true;
  if (NO.has(value.toLowerCase())) return false;
  return { problem: `${heading}: "${value}" is not yes or no.` };
}

export const MEMBER_CSV_PROBLEMS = {
  noAddressColumn: 'The first row must name the columns, with at least "phone" or "email".',
  noAddress: 'No phone or email: a member needs one.',
} as const;

/** A file can create members only when a column names their phone or email. */
export const namesMemberAddress = (columns: MemberCsvColumn[]): boolean =>
  columns.some((c) => c !== null && 'field' in c && (c.field === 'phone' || c.field === 'email'));
