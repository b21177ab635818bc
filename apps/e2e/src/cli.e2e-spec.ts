// The operator CLI (apps/cli) as an operator runs it: its package bin as a process, against the
// whole system, with its config and import state in a home of its own.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomPhone, waitFor } from '@app/testing';
import { ADMIN_KEY, System } from './system';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'apps/cli/bin/twilio-agents.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('the operator CLI against the running system', () => {
  let system: System;
  const home = mkdtempSync(join(tmpdir(), 'cli-e2e-'));
  const env = {
    PATH: process.env.PATH ?? '',
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_DATA_HOME: join(home, 'data'),
    NO_COLOR: '1',
  };
  const configFile = join(home, 'config', 'twilio-agents', 'config.json');
  const stateDir = join(home, 'data', 'twilio-agents', 'imports');
  const children: ChildProcess[] = [];

  const cli = (args: string[], extraEnv: Record<string, string> = {}) =>
    new Promise<Run>((resolve) => {
      execFile(
        process.execPath,
        [BIN, ...args],
        { env: { ...env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) =>
          resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  const ok = async (args: string[], extraEnv: Record<string, string> = {}) => {
    const run = await cli(args, extraEnv);
    if (run.code !== 0)
      throw new Error(`twilio-agents ${args.join(' ')} -> ${run.code}\n${run.stderr}${run.stdout}`);
    return run.stdout.trim();
  };
  /** Every member of the workspace, through the API. */
  const allMembers = async (key: string) => {
    const members: { phone: string; firstName: string | null; attributes: Record<string, unknown> }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof members; nextCursor: string | null } = await system.ok(
        'GET',
        `/v1/members?limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        key,
      );
      members.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return members;
  };
  const csvOf = (name: string, rows: string[]) => {
    const file = join(home, name);
    writeFileSync(
      file,
      `${['phone', 'First Name', 'whatsapp', 'attributes.clinic'].join(',')}\n${rows.join('\n')}\n`,
    );
    return file;
  };
  /** n rows of distinct phones, starting at a random block so runs never meet. */
  const memberRows = (n: number) => {
    const base = 1_000_000 + Math.floor(Math.random() * 8_000_000);
    return Array.from(
      { length: n },
      (_, i) => `+1555${base + i},Member ${i},${i % 2 ? 'yes' : 'no'},Clinic ${i % 7}`,
    );
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/apps/cli/src/main.js')))
      throw new Error('build first: node scripts/build.mjs');
    // The import is an operator's bulk job: the per-key limit would make 10,000 rows take minutes.
    system = await System.start({
      env: { API_RATE_LIMIT_PER_KEY: '1000000', API_RATE_LIMIT_PER_ADDRESS: '1000000' },
    });
  }, 120_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await system?.stop();
  });

  it('logs in (key kept 0600 in the config dir), refuses a wrong key, and manages workspaces with the operator key', async () => {
    const refused = await cli(['login', '--url', system.apiUrl, '--key', 'not-a-real-key-0123456789']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('401');
    expect(existsSync(configFile)).toBe(false);

    expect(await ok(['login', '--url', system.apiUrl, '--key', ADMIN_KEY])).toContain('as the operator');
    expect(statSync(configFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toEqual({
      apiUrl: system.apiUrl,
      apiKey: ADMIN_KEY,
    });

    const id = await ok(['workspaces', 'create', 'CLI Dental', '--whatsapp']);
    const listed = (await ok(['workspaces', 'list', '--json']))
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(listed.find((w) => w.id === id)).toMatchObject({ name: 'CLI Dental', features: ['whatsapp'] });
    const key = await ok(['workspaces', 'key', id, '--name', 'cli']);
    expect(key).toMatch(/^wsk_/);
    // A workspace key on an operator command: the API's refusal, said plainly.
    const asWorkspace = await cli(['workspaces'], { TWILIO_AGENTS_API_KEY: key });
    expect(asWorkspace.code).toBe(1);
    expect(asWorkspace.stderr).toContain('403');
  });

  it('adds, lists and changes numbers, sends a message, and tails the chats', async () => {
    const ws = await system.workspace({ name: 'CLI numbers' });
    expect(await ok(['login', '--url', system.apiUrl, '--key', ws.key])).toContain('CLI numbers');
    const workflow = await system.workflow(ws.key, [{ reply: 'Hello from the CLI test' }]);

    const number = randomPhone();
    await system.twilio.control('/emulator/numbers', { number });
    // The operator assigns the number; the workspace's key is refused (403, naming the operator's route).
    const claimed = await cli(['numbers', 'add', number, '--workspace', ws.id, '--sms']);
    expect(claimed.code).toBe(1);
    expect(claimed.stderr).toContain('403');
    const id = await ok(
      ['numbers', 'add', number, '--workspace', ws.id, '--sms', '--workflow', workflow.id],
      {
        TWILIO_AGENTS_API_KEY: ADMIN_KEY,
      },
    );
    const listed = (await ok(['numbers', 'list', '--json']))
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, any>);
    expect(listed).toEqual([
      expect.objectContaining({ id, number, smsEnabled: true, defaultWorkflowId: workflow.id }),
    ]);
    expect(await ok(['numbers', 'list'])).toContain(number);

    await ok(['numbers', 'set', number, '--mode', 'ai_with_handoff', '--brand', 'CLI Dental']);
    expect(await system.ok('GET', `/v1/phone-numbers/${id}`, ws.key)).toMatchObject({
      workMode: 'ai_with_handoff',
      brandName: 'CLI Dental',
    });
    const unknown = await cli(['numbers', 'set', '+15550000000', '--mode', 'human']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("not one of this workspace's numbers");

    // chats tail: follows the stream; an inbound message and the AI's reply show up.
    const tail = spawn(process.execPath, [BIN, 'chats', 'tail', '--json'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(tail);
    let out = '';
    let err = '';
    tail.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    tail.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    await waitFor(() => err.includes('Following'), { timeoutMs: 90_000, message: 'chats tail connected' });
    const phone = randomPhone();
    await system.inbound({ from: phone, to: number, body: 'Hi from a phone', channel: 'sms' });
    const events = await waitFor(
      () => {
        const lines = out
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Record<string, any>);
        const inbound = lines.some(
          (e) => e.type === 'message.created' && e.message?.body === 'Hi from a phone',
        );
        const reply = lines.some(
          (e) => e.message?.direction === 'outbound' && e.message.body === 'Hello from the CLI test',
        );
        return inbound && reply ? lines : undefined;
      },
      {
        timeoutMs: 60_000,
        message: `the inbound message and the reply on chats tail (got ${out.slice(-500)})`,
      },
    );
    expect(events.every((e) => typeof e.id === 'string' && e.chat?.id)).toBe(true);
    tail.kill('SIGINT');
    await waitFor(() => tail.exitCode !== null, { timeoutMs: 10_000, message: 'chats tail stops on Ctrl-C' });
    expect(tail.exitCode).toBe(0);

    // send: by the number itself, to a phone; the emulator's phone receives it.
    const to = randomPhone();
    const send = [
      'send',
      '--from',
      number,
      '--to',
      to,
      '--body',
      'Your appointment is at 10',
      '--idempotency-key',
      'cli-1',
    ];
    const sent = await ok(send);
    expect(sent).toMatch(/^(pending|queued|sending|sent)/);
    const [message] = await system.waitForSent(to, 1, 'sms');
    expect(message.body).toBe('Your appointment is at 10');
    // The same idempotency key: the same send, no second message.
    expect(await ok(send)).toContain(sent.split(' ')[1]);
    expect(await system.sentTo(to, 'sms')).toHaveLength(1);
  }, 180_000);

  it("reads the dead letters on NATS (the system's namespace has none) and says how to name one", async () => {
    const natsEnv = {
      NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      NATS_NAMESPACE: system.namespace,
    };
    expect(await ok(['dlq', 'list'], natsEnv)).toBe('No dead letters.');
    const noId = await cli(['dlq', 'replay'], natsEnv);
    expect(noId.code).toBe(2);
    expect(noId.stdout).toContain('replay needs the id of a dead letter');
  });

  it('imports 10,000 members from CSV, reporting refused rows by line', async () => {
    const ws = await system.workspace({ name: 'CLI import' });
    const rows = memberRows(10_000);
    // Two rows the import refuses (line 5002: a phone that is no phone; line 7003: not yes or no),
    // one repeating a phone already in the file (already there, not a second member).
    rows.splice(5000, 0, '+12,Bad Phone,no,');
    rows.splice(7001, 0, `+15550000001,Bad Switch,maybe,`);
    rows.push(rows[0]);
    const file = csvOf('members-10k.csv', rows);

    const started = Date.now();
    const run = await cli(['members', 'import', file], {
      TWILIO_AGENTS_API_URL: system.apiUrl,
      TWILIO_AGENTS_API_KEY: ws.key,
    });
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(`cli e2e: 10,003 CSV rows imported in ${seconds.toFixed(1)} s\n`);
    expect(run.code).toBe(1);
    // Not a terminal: plain progress lines, no bar.
    expect(run.stdout).toContain('5,000/10,003 rows');
    expect(run.stdout).toContain('10,000 created, 1 already there, 2 refused');
    expect(run.stderr).toMatch(/line 5002: .*phone/);
    expect(run.stderr).toContain('line 7003: whatsapp: "maybe" is not yes or no.');

    const members = await allMembers(ws.key);
    expect(members).toHaveLength(10_000);
    const byPhone = new Map(members.map((m) => [m.phone, m]));
    for (const i of [0, 1, 4999, 5000, 9999]) {
      const [phone, firstName, , clinic] = rows[i >= 5000 ? (i >= 7000 ? i + 2 : i + 1) : i].split(',');
      expect(byPhone.get(phone)).toMatchObject({ firstName, attributes: { clinic } });
    }
  }, 900_000);

  it('resumes an import that was killed part way, creating nobody twice', async () => {
    const ws = await system.workspace({ name: 'CLI resume' });
    const keyEnv = { TWILIO_AGENTS_API_URL: system.apiUrl, TWILIO_AGENTS_API_KEY: ws.key };
    const rows = memberRows(1000);
    const file = csvOf('members-resume.csv', rows);

    // One row at a time so it is still running when killed, as a crash would (no chance to save).
    const child = spawn(process.execPath, [BIN, 'members', 'import', file, '--concurrency', '1'], {
      env: { ...env, ...keyEnv },
      stdio: 'ignore',
    });
    children.push(child);
    // This workspace's import state (the 10,000-row import left its own beside it).
    const stateOf = () => {
      for (const name of existsSync(stateDir)
        ? readdirSync(stateDir).filter((f) => f.endsWith('.json'))
        : []) {
        try {
          const state = JSON.parse(readFileSync(join(stateDir, name), 'utf8'));
          if (state.workspaceId === ws.id) return state as { doneRows: number; finished: boolean };
        } catch {
          // being replaced this very moment: read again next time
        }
      }
      return undefined;
    };
    await waitFor(() => (stateOf()?.doneRows ?? 0) >= 20, {
      timeoutMs: 120_000,
      message: 'the import under way',
    });
    child.kill('SIGKILL');
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, {
      message: 'the import killed',
    });
    const stopped = stateOf()!;
    expect(stopped.finished).toBe(false);
    expect(stopped.doneRows).toBeLessThan(1000);

    // Without --resume it will not start the file over by accident.
    const again = await cli(['members', 'import', file], keyEnv);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`stopped after row ${stopped.doneRows.toLocaleString('en-US')} of 1,000`);

    const resumed = await cli(['members', 'import', file, '--resume'], keyEnv);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      `Importing ${(1000 - stopped.doneRows).toLocaleString('en-US')} of 1,000 rows`,
    );
    const members = await allMembers(ws.key);
    expect(members).toHaveLength(1000);
    expect(new Set(members.map((m) => m.phone)).size).toBe(1000);
    expect(stateOf()).toMatchObject({ doneRows: 1000, finished: true });
    // Finished: a resume has nothing left.
    expect(await ok(['members', 'import', file, '--resume'], keyEnv)).toContain('Nothing left');
  }, 300_000);
});
