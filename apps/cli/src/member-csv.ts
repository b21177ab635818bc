import Papa from 'papaparse';
import { MEMBER_CSV_PROBLEMS, memberCsvColumn, namesMemberAddress, readMemberCsvCell } from '@app/rules';

/** The fields of POST /v1/members that a CSV column can fill. */
export interface MemberFields {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  notifySms?: boolean;
  notifyEmail?: boolean;
  notifyVoice?: boolean;
  notifyWhatsapp?: boolean;
  attributes?: Record<string, string>;
}
/** One data row: its line in the file (the heading is line 1) and the member, or why not. */
export type CsvRow = { line: number; fields: MemberFields } | { line: number; problem: string };

export interface MemberCsv {
  rows: CsvRow[];
  /** Headings not understood: their columns are left out. */
  ignored: string[];
}

/** Reads a members CSV with a heading row; each data row is one new member. */
export function parseMemberCsv(text: string): MemberCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
    skipEmptyLines: 'greedy',
    newline: '\n',
  });
  const [heading = [], ...records] = parsed.data;
  const columns = heading.map(memberCsvColumn);
  if (!namesMemberAddress(columns)) throw new Error(MEMBER_CSV_PROBLEMS.noAddressColumn);
  const ignored = heading.filter((h, i) => !columns[i] && h.trim() !== '');
  const rows = records.map((record, index): CsvRow => {
    const line = index + 2;
    const fields: Record<string, string | boolean> = {};
    const attributes: Record<string, string> = {};
    for (const [i, raw] of record.entries()) {
      const value = raw.trim();
      const column = columns[i];
      // An empty cell sets nothing.
      if (value === '' || !column) continue;
      if ('attribute' in column) attributes[column.attribute] = value;
      else {
        const answer = readMemberCsvCell(column.field, heading[i], value);
        if (answer !== null && typeof answer === 'object') return { line, problem: answer.problem };
        if (answer !== null && answer !== undefined) fields[column.field] = answer;
      }
    }
    if (!fields.phone && !fields.email) return { line, problem: MEMBER_CSV_PROBLEMS.noAddress };
    const member = fields as MemberFields;
    return { line, fields: Object.keys(attributes).length ? { ...member, attributes } : member };
  });
  return { rows, ignored };
}
