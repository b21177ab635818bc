import { ApiError } from './api-client';
import type { CsvRow } from './member-csv';
import { importMembers, rowKey, type ImportState } from './member-import';

const rows = (n: number): CsvRow[] =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    fields: { phone: `+1415555${String(i).padStart(4, '0')}` },
  }));
const freshState = (total: number): ImportState => ({
  version: 1,
  file: '/members.csv',
  sha256: 'x',
  apiUrl: 'http://api',
  workspaceId: 'ws',
  total,
  doneRows: 0,
  created: 0,
  existing: 0,
  failed: [],
  finished: false,
  updatedAt: '',
});

describe('importMembers', () => {
  it('records refused rows by line, counts 409 as already there, and finishes', async () => {
    const state = freshState(5);
    const saved: number[] = [];
    const { stoppedBy } = await importMembers({
      rows: [...rows(3), { line: 5, problem: 'No phone or email: a member needs one.' }, rows(1)[0]],
      state,
      concurrency: 3,
      create: async (fields) => {
        if (fields.phone === '+14155550001') throw new ApiError(400, 'phone: not a phone number');
        if (fields.phone === '+14155550000' && state.created + state.existing > 0)
          throw new ApiError(409, 'taken');
      },
      save: (s) => saved.push(s.doneRows),
      onProgress: () => undefined,
    });
    expect(stoppedBy).toBeNull();
    expect(state).toMatchObject({ doneRows: 5, created: 2, existing: 1, finished: true });
    expect(state.failed).toEqual([
      { line: 3, message: 'phone: not a phone number' },
      { line: 5, message: 'No phone or email: a member needs one.' },
    ]);
    expect(saved.at(-1)).toBe(5);
  });

  it('stops on a failure that outlasts the retries, keeping only the settled prefix, and resumes from it', async () => {
    const state = freshState(10);
    const created: string[] = [];
    const first = await importMembers({
      rows: rows(10),
      state,
      concurrency: 1,
      create: async (fields) => {
        if (created.length === 4) throw new ApiError(503, 'preferences did not answer');
        created.push(fields.phone!);
      },
      save: () => undefined,
      onProgress: () => undefined,
    });
    expect(first.stoppedBy?.message).toBe('preferences did not answer');
    expect(state).toMatchObject({ doneRows: 4, created: 4, finished: false });

    const second = await importMembers({
      rows: rows(10),
      state,
      concurrency: 4,
      create: async (fields) => void created.push(fields.phone!),
      save: () => undefined,
      onProgress: () => undefined,
    });
    expect(second.stoppedBy).toBeNull();
    expect(state).toMatchObject({ doneRows: 10, created: 10, finished: true });
    expect(new Set(created).size).toBe(10);
  });

  it('sends each row with a key of the file, the import and its line: the same on a resume, another for a new import', async () => {
    const state = freshState(6);
    const keys = new Map<number, string>();
    const send = (into: ImportState, stopAt: number | null) =>
      importMembers({
        rows: rows(6),
        state: into,
        concurrency: 1,
        create: async (fields, key) => {
          const line = Number(fields.phone!.slice(-4)) + 2;
          if (line === stopAt) throw new ApiError(503, 'preferences did not answer');
          expect(keys.get(line) ?? key).toBe(key);
          keys.set(line, key);
        },
        save: () => undefined,
        onProgress: () => undefined,
      });
    await send(state, 5);
    // The row that stopped it was sent with its key; the resume sends it again with the same one.
    await send(state, null);
    expect(state).toMatchObject({ doneRows: 6, finished: true });
    expect([...keys.keys()].sort()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(new Set(keys.values()).size).toBe(6);
    expect(keys.get(4)).toBe(rowKey(state, 4));
    expect(keys.get(4)).toMatch(/^members-import:x:[0-9a-f]{12}:4$/);
    // A new import of the same file: keys of its own.
    const again = freshState(6);
    await importMembers({
      rows: rows(1),
      state: again,
      concurrency: 1,
      create: async () => undefined,
      save: () => undefined,
      onProgress: () => undefined,
    });
    expect(rowKey(again, 4)).not.toBe(keys.get(4));
    expect(rowKey(again, 4).length).toBeLessThanOrEqual(100);
  });

  it('stops taking rows when aborted (Ctrl-C) and saves where it got to', async () => {
    const state = freshState(100);
    const abort = new AbortController();
    let calls = 0;
    await importMembers({
      rows: rows(100),
      state,
      concurrency: 2,
      signal: abort.signal,
      create: async () => {
        if (++calls === 10) abort.abort();
      },
      save: () => undefined,
      onProgress: () => undefined,
    });
    expect(state.finished).toBe(false);
    expect(state.doneRows).toBeGreaterThanOrEqual(10);
    expect(state.doneRows).toBeLessThan(100);
  });
});
