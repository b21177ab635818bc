// A private NATS server and a private Postgres cluster for one fault run: the run kills and
// restarts them, so it must never touch the machine's shared servers other suites use.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'node:net';
import { freePort, sleep, waitUntil } from './util';

const NATS_BIN =
  process.env.FAULTS_NATS_SERVER ??
  (existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server');

/** True once something accepts TCP connections on the port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );
}

/** nats-server with JetStream on a free port and a store of its own; SIGKILL and restart keep both. */
export class PrivateNats {
  private child?: ChildProcess;
  restarts = 0;

  private constructor(
    readonly port: number,
    readonly storeDir: string,
    private readonly logFile: string,
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  static async start(logDir: string): Promise<PrivateNats> {
    const nats = new PrivateNats(
      await freePort(),
      mkdtempSync(join(tmpdir(), 'faults-nats-')),
      join(logDir, 'nats-server.log'),
    );
    await nats.spawn();
    return nats;
  }

  private async spawn(): Promise<void> {
    const out = openSync(this.logFile, 'a');
    this.child = spawn(NATS_BIN, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir], {
      stdio: ['ignore', out, out],
    });
    const child = this.child;
    await waitUntil(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`nats-server exited with ${child.exitCode} (see ${this.logFile})`);
        return portOpen(this.port);
      },
      20_000,
      'the private nats-server to listen',
    );
  }

  /** SIGKILL (no clean shutdown), then the same port and store again after `downMs`. */
  async crashAndRestart(downMs: number): Promise<void> {
    if (this.child) {
      this.child.kill('SIGKILL');
      await exited(this.child);
    }
    await sleep(downMs);
    await this.spawn();
    this.restarts++;
  }

  async stop(): Promise<void> {
    if (this.child) {
      this.child.kill('SIGKILL');
      await exited(this.child);
    }
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}

function pgBinDir(): string {
  if (process.env.FAULTS_PG_BIN) return process.env.FAULTS_PG_BIN;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base))
    throw new Error('No PostgreSQL server binaries under /usr/lib/postgresql (set FAULTS_PG_BIN)');
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('No initdb under /usr/lib/postgresql/*/bin (set FAULTS_PG_BIN)');
  return join(base, versions[0], 'bin');
}

/** Runs a Postgres binary as the postgres OS user when we are root (initdb refuses root). */
function pgCommand(bin: string, args: string[]): [string, string[]] {
  const path = join(pgBinDir(), bin);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

function pgRun(bin: string, args: string[]): void {
  const [cmd, argv] = pgCommand(bin, args);
  const result = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0)
    throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
}

/** A throw-away Postgres cluster (trust auth) on a free port; `crashAndRestart` is an immediate stop. */
export class PrivatePostgres {
  restarts = 0;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  static async start(logDir: string): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'faults-pg-'));
    chmodSync(dir, 0o755);
    if (process.getuid?.() === 0) {
      const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      chownSync(dir, Number(id.stdout.trim()), Number(gid.stdout.trim()));
    }
    const pg = new PrivatePostgres(await freePort(), dir);
    pgRun('initdb', [
      '-D',
      pg.dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    pg.logFile = join(dir, 'postgres.log');
    pg.copyLogTo = join(logDir, 'postgres.log');
    await pg.spawn();
    return pg;
  }

  private logFile = '';
  private copyLogTo = '';

  private async spawn(): Promise<void> {
    // fsync off is safe here: we crash the server, never the machine (the OS keeps what was
    // written). synchronous_commit stays on: an immediate stop must not lose committed work.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300`;
    pgRun('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-o', options, '-w', '-t', '60', 'start']);
    await waitUntil(() => portOpen(this.port), 30_000, 'the private Postgres to listen');
  }

  /** Immediate stop (no checkpoint, clients cut off: like a crash), then start again after `downMs`. */
  async crashAndRestart(downMs: number): Promise<void> {
    pgRun('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    await sleep(downMs);
    await this.spawn();
    this.restarts++;
  }

  async stop(): Promise<void> {
    try {
      pgRun('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already down
    }
    try {
      if (this.copyLogTo && existsSync(this.logFile)) spawnSync('cp', [this.logFile, this.copyLogTo]);
    } catch {
      // the log is a convenience
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
