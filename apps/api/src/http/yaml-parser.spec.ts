import { YamlParser } from './yaml-parser';

describe('YamlParser (worker thread with a deadline)', () => {
  let parser: YamlParser;
  afterEach(() => parser?.close());

  it('parses documents and names the problem in broken ones', async () => {
    parser = new YamlParser({ timeoutMs: 5_000, maxDepth: 64, maxQueued: 4 });
    expect(await parser.parse('name: Desk\ndefinition:\n  - reply: hi\n')).toEqual({
      ok: true,
      value: { name: 'Desk', definition: [{ reply: 'hi' }] },
    });
    expect(await parser.parse('name: [unclosed')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await parser.parse('a: 1\na: 2')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/unique/),
    });
  });

  it('refuses documents nested deeper than the limit, and alias loops', async () => {
    parser = new YamlParser({ timeoutMs: 5_000, maxDepth: 8, maxQueued: 4 });
    expect(await parser.parse(`${'['.repeat(9)}1${']'.repeat(9)}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/nested deeper than 8/),
    });
    expect(await parser.parse(`${'['.repeat(7)}1${']'.repeat(7)}`)).toMatchObject({ ok: true });
    expect(await parser.parse('a: &x [*x]')).toMatchObject({ ok: false });
  });

  it('stops a document past its deadline and parses the next one in a fresh worker', async () => {
    // The slow document takes seconds of CPU; the deadline leaves a small one ample time on a busy machine.
    parser = new YamlParser({ timeoutMs: 1_000, maxDepth: 64, maxQueued: 4 });
    const slow = Array.from({ length: 24_000 }, (_, i) => `"k${i}": {a: [1, {b: c}]}`).join('\n');
    const [stuck, next] = await Promise.all([parser.parse(slow), parser.parse('ok: true')]);
    expect(stuck).toMatchObject({ ok: false, reason: 'timeout' });
    expect(next).toEqual({ ok: true, value: { ok: true } });
  });

  it('refuses documents beyond the queue', async () => {
    parser = new YamlParser({ timeoutMs: 5_000, maxDepth: 64, maxQueued: 1 });
    const answers = await Promise.all([parser.parse('a: 1'), parser.parse('b: 2'), parser.parse('c: 3')]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.reason))).toContain('busy');
  });
});
