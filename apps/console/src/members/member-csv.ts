import Papa from 'papaparse';
import type { MemberPatch } from './member-api';

/** Column headings a person might write, to the member field they mean. */
const HEADINGS: Record<string, keyof MemberPatch> = {
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
const SWITCHES = new Set<keyof MemberPatch>(['notifySms', 'notifyEmail', 'notifyVoice', 'notifyWhatsapp']);
const YES = new Set(['true', 'yes', 'y', '1', 'on']);
const NO = new Set(['false', 'no', 'n', '0', 'off', '']);

export interface CsvRow {
  /** The row's line in the file (the heading is line 1). */
  line: number;
  fields: MemberPatch;
}
export interface CsvProblem {
  line: number;
  message: string;
}
export interface ParsedCsv {
  rows: CsvRow[];
  problems: CsvProblem[];
  /** Headings not understood (their columns are ignored). */
  ignored: string[];
}

const headingKey = (heading: string) => heading.toLowerCase().replace(/[^a-z]/g, '');
/** `attributes.appointment_at` or `attribute:clinic`: a column of the member's attributes. */
const ATTRIBUTE_HEADING = /^\s*attributes?\s*[.:]\s*(.+?)\s*$/i;
const attributeKey = (heading: string) => ATTRIBUTE_HEADING.exec(heading)?.[1] ?? null;

/** Reads a members CSV with a heading row; each row becomes the fields of one new member. */
export function parseMemberCsv(text: string): ParsedCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
    skipEmptyLines: 'greedy',
    newline: '\n',
  });
  const [heading = [], ...records] = parsed.data;
  const columns = heading.map((h) => HEADINGS[headingKey(h)]);
  const attributeColumns = heading.map(attributeKey);
  const ignored = heading.filter((_, i) => !columns[i] && !attributeColumns[i] && heading[i].trim() !== '');
  const problems: CsvProblem[] = [];
  if (!columns.includes('phone') && !columns.includes('email'))
    problems.push({
      line: 1,
      message: 'The first row must name the columns, with at least "phone" or "email".',
    });
  const rows: CsvRow[] = [];
  records.forEach((record, index) => {
    const line = index + 2;
    const fields: Record<string, string | boolean | null> = {};
    const attributes: Record<string, string> = {};
    let problem: string | null = null;
    record.forEach((raw, i) => {
      const attribute = attributeColumns[i];
      // An empty cell sets nothing; the API checks the key (and names it in the row's problem).
      if (attribute && raw.trim() !== '') attributes[attribute] = raw.trim();
      const field = columns[i];
      if (!field) return;
      const value = raw.trim();
      if (SWITCHES.has(field)) {
        if (YES.has(value.toLowerCase())) fields[field] = true;
        else if (NO.has(value.toLowerCase())) {
          if (value !== '') fields[field] = false;
        } else problem ??= `${heading[i]}: "${value}" is not yes or no.`;
      } else {
        fields[field] = value === '' ? null : value;
      }
    });
    if (!problem && !fields.phone && !fields.email) problem = 'No phone or email: a member needs one.';
    if (problem) problems.push({ line, message: problem });
    else rows.push({ line, fields: Object.keys(attributes).length ? { ...fields, attributes } : fields });
  });
  return { rows, problems, ignored };
}

export interface ImportProgress {
  done: number;
  total: number;
  created: number;
  problems: CsvProblem[];
}

/**
 * Creates the members, a few at a time, reporting after each; a row the API refuses becomes a
 * problem on its line and the import goes on. Stops early when `signal` aborts.
 */
export async function importRows(
  rows: CsvRow[],
  create: (fields: MemberPatch) => Promise<unknown>,
  onProgress: (progress: ImportProgress) => void,
  options: {
    concurrency?: number;
    signal?: AbortSignal;
    describe?: (error: unknown) => string;
    /** How long to wait before trying a row again (the API's rate limit), or null to give up on it. */
    retryAfterMs?: (error: unknown, attempt: number) => number | null;
  } = {},
): Promise<ImportProgress> {
  const progress: ImportProgress = { done: 0, total: rows.length, created: 0, problems: [] };
  let next = 0;
  const createWithRetry = async (fields: MemberPatch) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await create(fields);
      } catch (error) {
        const wait = options.retryAfterMs?.(error, attempt) ?? null;
        if (wait === null || options.signal?.aborted) throw error;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };
  const worker = async () => {
    while (next < rows.length && !options.signal?.aborted) {
      const row = rows[next++];
      try {
        await createWithRetry(row.fields);
        progress.created++;
      } catch (error) {
        progress.problems.push({
          line: row.line,
          message: options.describe ? options.describe(error) : String(error),
        });
      }
      progress.done++;
      onProgress({ ...progress, problems: [...progress.problems] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, rows.length) }, worker));
  progress.problems.sort((a, b) => a.line - b.line);
  return progress;
}
