import { describe, expect, it } from 'vitest';
import { importKeyPrefix, importRows, parseMemberCsv } from './member-csv';

describe('parseMemberCsv', () => {
  it('maps the headings people write to member fields, and yes/no to switches', () => {
    const csv =
      '\uFEFFFirst name,Last Name,Phone,E-mail,WhatsApp,Shoe size\r\nAna,López,+15551230001,ana@x.org,yes,38\nBo,,+15551230002,,no,\n';
    const parsed = parseMemberCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.ignored).toEqual(['Shoe size']);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        fields: {
          firstName: 'Ana',
          lastName: 'López',
          phone: '+15551230001',
          email: 'ana@x.org',
          notifyWhatsapp: true,
        },
      },
      {
        line: 3,
        fields: {
          firstName: 'Bo',
          lastName: null,
          phone: '+15551230002',
          email: null,
          notifyWhatsapp: false,
        },
      },
    ]);
  });

  it('reads attributes.<key> and attribute:<key> columns into attributes, skipping empty cells', () => {
    const csv =
      'phone,attributes.appointment_at,Attribute: clinic\n+15551230001,2026-12-01T10:00:00Z,Lyon\n+15551230002,,\n';
    const parsed = parseMemberCsv(csv);
    expect(parsed.ignored).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        fields: {
          phone: '+15551230001',
          attributes: { appointment_at: '2026-12-01T10:00:00Z', clinic: 'Lyon' },
        },
      },
      { line: 3, fields: { phone: '+15551230002' } },
    ]);
  });

  it('reports a bad row on its line and keeps the others', () => {
    const parsed = parseMemberCsv('phone,whatsapp\n+15551230001,maybe\n,yes\n"+1 555 123 0003",\n');
    expect(parsed.problems).toEqual([
      { line: 2, message: 'whatsapp: "maybe" is not yes or no.' },
      { line: 3, message: 'No phone or email: a member needs one.' },
    ]);
    expect(parsed.rows).toEqual([{ line: 4, fields: { phone: '+1 555 123 0003' } }]);
  });

  it('needs a heading row naming phone or email', () => {
    expect(parseMemberCsv('+15551230001,Ana\n').problems[0]).toEqual({
      line: 1,
      message: 'The first row must name the columns, with at least "phone" or "email".',
    });
  });
});

describe('importRows', () => {
  it('creates every row, reports progress after each, and lists refusals by line', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ line: i + 2, fields: { phone: `+1555000${i}` } }));
    const seen: number[] = [];
    const result = await importRows(
      rows,
      async (fields) => {
        await new Promise((r) => setTimeout(r, 1));
        if (fields.phone === '+15550003') throw new Error('A member with this phone already exists.');
      },
      (p) => seen.push(p.done),
      { concurrency: 3, describe: (e) => (e as Error).message },
    );
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result).toMatchObject({ done: 10, total: 10, created: 9 });
    expect(result.problems).toEqual([{ line: 5, message: 'A member with this phone already exists.' }]);
  });

  it('waits and tries a row again when the API asks to slow down', async () => {
    let calls = 0;
    const result = await importRows(
      [{ line: 2, fields: { phone: '+15550001' } }],
      async () => {
        if (++calls < 3) throw Object.assign(new Error('Too many requests'), { status: 429 });
      },
      () => undefined,
      { retryAfterMs: (e, attempt) => ((e as { status?: number }).status === 429 && attempt < 5 ? 1 : null) },
    );
    expect(calls).toBe(3);
    expect(result).toMatchObject({ created: 1, problems: [] });
  });

  it('gives create each row with its line, the same on every retry of the row', async () => {
    const asked: Array<[string | null | undefined, number]> = [];
    let failedOnce = false;
    await importRows(
      [
        { line: 2, fields: { phone: '+15550001' } },
        { line: 4, fields: { phone: '+15550002' } },
      ],
      async (fields, line) => {
        asked.push([fields.phone, line]);
        if (line === 4 && !failedOnce) {
          failedOnce = true;
          throw new TypeError('Failed to fetch');
        }
      },
      () => undefined,
      { concurrency: 1, retryAfterMs: (e) => (e instanceof TypeError ? 1 : null) },
    );
    expect(asked).toEqual([
      ['+15550001', 2],
      ['+15550002', 4],
      ['+15550002', 4],
    ]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const rows = Array.from({ length: 50 }, (_, i) => ({ line: i + 2, fields: { phone: `+1555100${i}` } }));
    let created = 0;
    const result = await importRows(
      rows,
      async () => {
        if (++created === 5) controller.abort();
      },
      () => undefined,
      { concurrency: 2, signal: controller.signal },
    );
    expect(result.done).toBeLessThan(10);
  });
});

describe('importKeyPrefix', () => {
  it("is the file content's SHA-256: the same file gives the same keys, another file others", async () => {
    const file = 'phone\n+15550001\n';
    const prefix = await importKeyPrefix(file);
    // The first 32 hex digits of sha256sum's answer for that content.
    expect(prefix).toBe('members-import:dafee4e99efa618d79f5fb1197e3bcd5');
    expect(await importKeyPrefix(file)).toBe(prefix);
    expect(await importKeyPrefix('phone\n+15550002\n')).not.toBe(prefix);
    expect(`${prefix}:100000`.length).toBeLessThanOrEqual(100);
  });
});
