// A private NATS server and a private Postgres cluster for one fault run: the run kills and
// restarts them, so it must never touch the machine's shared servers other suites use.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { STREAMS, type StreamName } from '@app/contracts';
import { DEFAULT_OWNERSHIP_TIMING, ensureStreams, Namespace, ownershipBuckets } from '@app/messaging';
import { freePort, portOpen, sleep, waitUntil } from './util';

const NATS_BIN =
  process.env.FAULTS_NATS_SERVER ??
  (existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server');

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
    /** Cluster arguments (name, routes) for a node of a cluster. */
    private readonly extraArgs: string[] = [],
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

  /**
   * Three (or `size`) nodes clustered over localhost routes, each with JetStream and its own store:
   * streams with 3 replicas survive one node's crash.
   */
  static async startCluster(logDir: string, size = 3): Promise<PrivateNats[]> {
    const ports = [];
    for (let i = 0; i < size; i++) ports.push({ client: await freePort(), cluster: await freePort() });
    const routes = ports.map((p) => `nats://127.0.0.1:${p.cluster}`).join(',');
    const nodes = ports.map(
      (p, i) =>
        new PrivateNats(
          p.client,
          mkdtempSync(join(tmpdir(), `faults-nats${i}-`)),
          join(logDir, `nats-server-${i}.log`),
          [
            '-n',
            `node${i}`,
            '--cluster_name',
            'faults',
            '--cluster',
            `nats://127.0.0.1:${p.cluster}`,
            '--routes',
            routes,
          ],
        ),
    );
    try {
      await Promise.all(nodes.map((n) => n.spawn()));
      // JetStream answers only once the nodes elected a meta leader: wait for it, and for a
      // replicated stream to be creatable, before services create theirs.
      const nc = await connect({ servers: nodes.map((n) => n.url) });
      try {
        // The streams and ownership buckets, created one by one before the services start: seven
        // services creating replicated streams at once on a busy machine outlast their API timeout.
        await waitUntil(
          async () => {
            try {
              // Inside the retry: the JetStream API answers only once the nodes elected a meta leader.
              const jsm = await jetstreamManager(nc, { timeout: 5_000 });
              await ensureStreams(jsm, new Namespace(''), Object.keys(STREAMS) as StreamName[], {
                streamReplicas: size,
              });
              const kvm = new Kvm(nc);
              const buckets = ownershipBuckets(new Namespace(''));
              await kvm.create(buckets.members, {
                ttl: DEFAULT_OWNERSHIP_TIMING.memberTtlMs,
                history: 1,
                replicas: size,
              });
              await kvm.create(buckets.leases, { history: 1, replicas: size });
              return true;
            } catch {
              return false;
            }
          },
          120_000,
          'the NATS cluster to create the replicated streams',
        );
      } finally {
        await nc.close();
      }
    } catch (error) {
      await Promise.all(nodes.map((n) => n.stop()));
      throw error;
    }
    return nodes;
  }

  private async spawn(): Promise<void> {
    const out = openSync(this.logFile, 'a');
    this.child = spawn(
      NATS_BIN,
      ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.storeDir, ...this.extraArgs],
      { stdio: ['ignore', out, out] },
    );
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
