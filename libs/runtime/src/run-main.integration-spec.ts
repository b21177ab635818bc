import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// runMain exits the process, so it runs in a child: the built runtime with a stand-in service.
const runtime = join(__dirname, '../../../dist/libs/runtime/src/service.js');

function main(definition: string, ...args: string[]) {
  const script = `
    const { runMain } = require(${JSON.stringify(runtime)});
    runMain(${definition}, [process.argv0, 'main.js', ...process.argv.slice(1)]);`;
  const child = spawnSync(process.execPath, ['-e', script, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const loadConfig = `(env) => {
  if (env.BROKEN) { const e = new Error('Invalid configuration: PORT must be a number'); e.name = 'ConfigError'; throw e; }
  return { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHUTDOWN_TIMEOUT_MS: 1000 };
}`;

beforeAll(() => {
  if (!existsSync(runtime)) throw new Error(`${runtime} is missing: run \`node scripts/build.mjs\` first`);
});

describe('runMain, `main.js migrate`', () => {
  it('applies the migrations and exits 0', () => {
    const run = main(
      `{ name: 'things', loadConfig: ${loadConfig}, database: { migrate: async () => {} } }`,
      'migrate',
    );
    expect(run).toMatchObject({ status: 0, stdout: 'things: migrations applied\n', stderr: '' });
  });

  it('says so in one line and exits 1 when a migration fails', () => {
    const run = main(
      `{ name: 'things', loadConfig: ${loadConfig}, database: { migrate: async () => { throw new Error('relation exists') } } }`,
      'migrate',
    );
    expect(run).toMatchObject({ status: 1, stderr: 'things: migration failed: relation exists\n' });
  });

  it('names the bad variable when the configuration is wrong, and migrates nothing', () => {
    const script = `{ name: 'things', loadConfig: ${loadConfig.replace('env.BROKEN', 'true')}, database: { migrate: async () => console.log('ran') } }`;
    const run = main(script, 'migrate');
    expect(run).toMatchObject({
      status: 1,
      stdout: '',
      stderr: 'things: migration failed: Invalid configuration: PORT must be a number\n',
    });
  });

  it('has nothing to do for a service without a database', () => {
    const run = main(`{ name: 'edge', loadConfig: ${loadConfig} }`, 'migrate');
    expect(run).toMatchObject({ status: 0, stdout: 'edge: no database\n' });
  });
});

describe('runMain, start', () => {
  it('prints the configuration error in one line and exits 1', () => {
    const run = main(
      `{ name: 'things', loadConfig: ${loadConfig.replace('env.BROKEN', 'true')}, module: () => class {} }`,
    );
    expect(run).toMatchObject({ status: 1, stderr: 'Invalid configuration: PORT must be a number\n' });
  });
});
