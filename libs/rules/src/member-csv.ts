import Papa from 'papaparse';

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

/** A data row's member: its fields (an empty text cell is null) and, when any, its attributes. */
export type MemberCsvFields = Partial<Record<MemberCsvField, string | boolean | null>> & {
  attributes?: Record<string, string>;
};

/** One data row: its line in the file (the heading is line 1) and the member, or its first problem. */
export type MemberCsvRow = { line: number; fields: MemberCsvFields } | { line: number; problem: string };

export interface MemberCsv {
  rows: MemberCsvRow[];
  /** Headings not understood: their columns are left out. */
  ignored: string[];
  /** A column names the phone or the email; without one no row can make a member. */
  namesAddress: boolean;
}

/**
 * Reads a members CSV with a heading row (a byte-order mark and CRLF allowed, blank lines
 * skipped): each data row is one new member, or the first problem on its line. An empty
 * attribute cell sets nothing; a row needs a phone or an email.
 */
export function readMemberCsv(text: string): MemberCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
    skipEmptyLines: 'greedy',
    newline: '\n',
  });
  const [heading = [], ...records] = parsed.data;
  const columns = heading.map(memberCsvColumn);
  const ignored = heading.filter((h, i) => !columns[i] && h.trim() !== '');
  const rows = records.map((record, index): MemberCsvRow => {
    const line = index + 2;
    const fields: MemberCsvFields = {};
    const attributes: Record<string, string> = {};
    for (const [i, cell] of record.entries()) {
      const column = columns[i];
      const value = cell.trim();
      if (!column) continue;
      if ('attribute' in column) {
        if (value !== '') attributes[column.attribute] = value;
        continue;
      }
      const answer = readMemberCsvCell(column.field, heading[i], value);
      if (answer !== null && typeof answer === 'object') return { line, problem: answer.problem };
      if (answer !== undefined) fields[column.field] = answer;
    }
    if (!fields.phone && !fields.email) return { line, problem: MEMBER_CSV_PROBLEMS.noAddress };
    return { line, fields: Object.keys(attributes).length ? { ...fields, attributes } : fields };
  });
  return { rows, ignored, namesAddress: namesMemberAddress(columns) };
}
