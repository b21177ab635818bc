import { randomBytes } from 'node:crypto';
import { ApiError } from './api-client';
import type { CsvRow, MemberFields } from './member-csv';

/** What an import has done so far, saved after every few rows so `--resume` can go on. */
export interface ImportState {
  version: 1;
  file: string;
  /** Of the file's content: resuming a changed file would skip the wrong rows. */
  sha256: string;
  /**
   * This import's own id (a resume keeps it): with the file's hash and a row's line it makes the
   * row's Idempotency-Key. Absent in states saved before keys were sent.
   */
  importId?: string;
  apiUrl: string;
  workspaceId: string;
  total: number;
  /** Every data row up to this many is settled (created, already there or refused). */
  doneRows: number;
  created: number;
  /** The workspace had a member with this phone or email (409): a re-run imports nobody twice. */
  existing: number;
  failed: { line: number; message: string }[];
  finished: boolean;
  updatedAt: string;
}

export interface ImportProgress {
  /** Rows settled, counting those of earlier runs. */
  processed: number;
  total: number;
  created: number;
  existing: number;
  failed: number;
}

export interface ImportOptions {
  rows: CsvRow[];
  state: ImportState;
  /** Creates one member; `idempotencyKey` is the row's, the same on every retry and resume. */
  create: (fields: MemberFields, idempotencyKey: string) => Promise<unknown>;
  /** Called often; persists the state (doneRows only ever grows). */
  save: (state: ImportState) => void;
  onProgress: (progress: ImportProgress) => void;
  concurrency: number;
  signal?: AbortSignal;
}

type Outcome = { kind: 'created' } | { kind: 'existing' } | { kind: 'failed'; message: string };

/**
 * A row's Idempotency-Key: the file's content, this import, the row's line. A retry whose first
 * answer was lost, or a resume, sends the row's key again and gets the member it created (not a
 * 409); another import of the same file has keys of its own, so what an earlier one created
 * counts as already there.
 */
export function rowKey(state: Pick<ImportState, 'sha256' | 'importId'>, line: number): string {
  return `members-import:${state.sha256.slice(0, 32)}:${state.importId ?? 'v1'}:${line}`;
}

/**
 * Creates the members of the rows after `state.doneRows`, a few at a time. A row the API refuses
 * (4xx) is recorded with its line and the import goes on; a failure that outlasts the client's
 * retries (the API or a service down) stops it, as does the signal. Either way the state names
 * the last row before which everything is settled, so a resume starts there: rows after it that
 * were created meanwhile are answered with their member again (same key) and count as created.
 */
export async function importMembers(options: ImportOptions): Promise<{ stoppedBy: Error | null }> {
  const { rows, state } = options;
  state.importId ??= randomBytes(6).toString('hex');
  const outcomes = new Map<number, Outcome>();
  let next = state.doneRows;
  let inFlightDone = 0;
  let stoppedBy: Error | null = null;
  let lastSave = 0;

  const progress = (): ImportProgress => {
    let created = state.created;
    let existing = state.existing;
    let failed = state.failed.length;
    for (const outcome of outcomes.values()) {
      if (outcome.kind === 'created') created++;
      else if (outcome.kind === 'existing') existing++;
      else failed++;
    }
    return { processed: state.doneRows + inFlightDone, total: rows.length, created, existing, failed };
  };

  // Moves the settled prefix into the state.
  const settle = (force: boolean) => {
    while (outcomes.has(state.doneRows)) {
      const outcome = outcomes.get(state.doneRows)!;
      outcomes.delete(state.doneRows);
      inFlightDone--;
      if (outcome.kind === 'created') state.created++;
      else if (outcome.kind === 'existing') state.existing++;
      else state.failed.push({ line: rows[state.doneRows].line, message: outcome.message });
      state.doneRows++;
    }
    // A write a few times a second is plenty: a crash costs at most those rows' second asks.
    if (force || Date.now() - lastSave > 250) {
      lastSave = Date.now();
      state.updatedAt = new Date().toISOString();
      options.save(state);
    }
  };

  const run = async (index: number): Promise<Outcome> => {
    const row = rows[index];
    if ('problem' in row) return { kind: 'failed', message: row.problem };
    try {
      await options.create(row.fields, rowKey(state, row.line));
      return { kind: 'created' };
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) return { kind: 'existing' };
      if (error instanceof ApiError && !error.transient) return { kind: 'failed', message: error.message };
      throw error;
    }
  };

  const worker = async () => {
    while (!stoppedBy && !options.signal?.aborted && next < rows.length) {
      const index = next++;
      try {
        outcomes.set(index, await run(index));
        inFlightDone++;
      } catch (error) {
        stoppedBy ??= error instanceof Error ? error : new Error(String(error));
        return;
      }
      settle(false);
      options.onProgress(progress());
    }
  };

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  settle(false);
  state.finished = state.doneRows === rows.length;
  settle(true);
  options.onProgress(progress());
  return { stoppedBy };
}
