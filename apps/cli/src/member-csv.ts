import { MEMBER_CSV_PROBLEMS, readMemberCsv } from '@app/rules';

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

/** Reads a members CSV with a heading row (@app/rules); each data row is one new member. */
export function parseMemberCsv(text: string): MemberCsv {
  const { rows, ignored, namesAddress } = readMemberCsv(text);
  if (!namesAddress) throw new Error(MEMBER_CSV_PROBLEMS.noAddressColumn);
  return {
    // An empty cell sets nothing: the request leaves the field out rather than sending null.
    rows: rows.map((row) =>
      'problem' in row
        ? row
        : {
            line: row.line,
            fields: Object.fromEntries(Object.entries(row.fields).filter(([, v]) => v !== null)),
          },
    ),
    ignored,
  };
}
