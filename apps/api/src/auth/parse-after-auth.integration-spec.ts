import { ApiHarness } from '../testing/api-harness';

/** A workflow as YAML of about `bytes` bytes: a long list of reply steps (slow for a YAML parser). */
const bigYaml = (bytes: number) => {
  const lines = ['name: Big', 'definition:'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `  - reply: "hello ${i}"`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
};

describe('nothing is parsed before the caller is known', () => {
  const h = ApiHarness.forSuite();

  it('answers 401 to a body that would not parse, is too large or too deep, without a key', async () => {
    const cases: Array<[string, string, string]> = [
      ['malformed JSON', '{"name":', 'application/json'],
      ['malformed YAML', 'name: [unclosed', 'application/yaml'],
      ['too large', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), 'application/json'],
      ['too deep', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`, 'application/json'],
      ['unsupported type', '<workflow/>', 'application/xml'],
    ];
    for (const [name, body, type] of cases) {
      const res = await h.call('POST', '/v1/workflows', undefined, body, { 'content-type': type });
      expect({ name, status: res.status }).toEqual({ name, status: 401 });
      const wrongKey = await h.call('POST', '/v1/workflows', `wsk_${'A'.repeat(43)}`, body, {
        'content-type': type,
      });
      expect({ name, status: wrongKey.status }).toEqual({ name, status: 401 });
    }
  });

  it('spends no parsing on unauthenticated 1 MiB YAML bodies, and /health/live answers meanwhile', async () => {
    const body = bigYaml(1000 * 1000);
    // CPU of this process (the api runs in it, its YAML worker too): parsing one of these bodies takes
    // seconds of CPU, refusing it at the gate a few milliseconds. CPU, unlike wall time, does not
    // depend on what else the shared machine runs.
    const cpuBefore = process.cpuUsage();
    const floods = Array.from({ length: 4 }, () =>
      h.call('POST', '/v1/workflows', undefined, body, { 'content-type': 'application/yaml' }),
    );
    // Let the uploads start, then probe liveness while they are in flight.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const health = await h.call('GET', '/health/live');
    const answers = await Promise.all(floods);
    const cpu = process.cpuUsage(cpuBefore);
    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(health.status).toBe(200);
    // Parsing them would take about 8 s of CPU; refusing them took 185 ms alone and 1 s on a CI run
    // busy with every other suite (CPU time grows a little under contention too).
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(4_000);
  });

  it('still parses JSON and YAML for a caller with a key', async () => {
    const yaml = await h.call(
      'POST',
      '/v1/workflows',
      h.ws.key,
      'name: Small\ndefinition:\n  - reply: hi\n',
      {
        'content-type': 'application/yaml',
      },
    );
    expect(yaml.status).toBe(201);
    expect(yaml.body.definition).toEqual([{ reply: 'hi' }]);
  });
});
