import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serviceEnv, uniqueNamespace } from '@app/testing';
import { ADMIN_KEY, ApiHarness } from '../testing/api-harness';

const main = join(__dirname, '..', '..', '..', '..', 'dist/apps/api/src/main.js');

/** `main.js user:create …` as an operator runs it (npm run user:create, docker compose run api). */
function createUser(namespace: string, args: string[], password: string) {
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`node scripts/build.mjs\` first`);
  return spawnSync(process.execPath, [main, 'user:create', ...args], {
    env: { ...process.env, ...serviceEnv(namespace, 'api', { ADMIN_API_KEY: ADMIN_KEY }) },
    input: `${password}\n`,
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('user:create (the first admin, from the command line)', () => {
  it('creates an admin who can then sign in, and refuses bad input with one line', async () => {
    const namespace = uniqueNamespace();
    const email = `first-admin-${namespace}@example.com`;
    const created = createUser(
      namespace,
      ['--email', email, '--role', 'admin'],
      'the first admin passphrase',
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/user [0-9a-f-]{36} created/);
    expect(created.stdout).not.toContain('passphrase');

    const twice = createUser(namespace, ['--email', email, '--role', 'admin'], 'the first admin passphrase');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toMatch(/already exists/);
    const short = createUser(namespace, ['--email', `x-${email}`, '--role', 'admin'], 'short');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password: must be at least 12 characters/);

    const h = await ApiHarness.start({ namespace });
    try {
      const signedIn = await h.call('POST', '/v1/sessions', undefined, {
        email,
        password: 'the first admin passphrase',
      });
      expect(signedIn.status).toBe(201);
      expect(signedIn.body.user).toMatchObject({ email, role: 'admin' });
    } finally {
      await h.stop();
    }
    // Three processes on a shared machine: give them time.
  }, 180_000);
});
