import { MEMBER_CSV_PROBLEMS, readMemberCsv } from '@app/rules';
import type { MemberPatch } from './member-api';

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

/**
 * Reads a members CSV with a heading row (@app/rules); each row becomes the fields of one new member
 * (an empty text cell is null) or a problem on its line, shown before anything is imported.
 */
export function parseMemberCsv(text: string): ParsedCsv {
  const csv = readMemberCsv(text);
  const problems: CsvProblem[] = csv.namesAddress
    ? []
    : [{ line: 1, message: MEMBER_CSV_PROBLEMS.noAddressColumn }];
  const rows: CsvRow[] = [];
  for (const row of csv.rows) {
    if ('problem' in row) problems.push({ line: row.line, message: row.problem });
    else rows.push({ line: row.line, fields: row.fields as MemberPatch });
  }
  return { rows, problems, ignored: csv.ignored };
}

/**
 * What a row's Idempotency-Key starts with: the SHA-256 of the file's content, so importing the
 * same file again (after a reload, a lost answer) asks for the same members and gets them back
 * instead of 409s. Outside a secure context (plain http, not localhost) the browser has no
 * SHA-256: a random id then covers the retries of this import only.
 */
export async function importKeyPrefix(content: string): Promise<string> {
  let id: string;
  if (globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(content));
    id = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  } else {
    id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  return `members-import:${id.slice(0, 32)}`;
}

export interface ImportProgress {
  done: number;
  total: number;
  created: number;
  problems: CsvProblem[];
}

/**
 * Creates the members, a few at a time, reporting after each; a row the API refuses becomes a
 * problem on its line and the import goes on. Stops early when `signal` aborts. `create` gets
 * the row's line, for its idempotency key: a retry of a row must ask for the same member.
 */
export async function importRows(
  rows: CsvRow[],
  create: (fields: MemberPatch, line: number) => Promise<unknown>,
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
  const createWithRetry = async (row: CsvRow) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await create(row.fields, row.line);
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
        await createWithRetry(row);
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
