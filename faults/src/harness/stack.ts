// The whole system as separate processes from dist/ (as production runs it), against the private
// NATS and Postgres, with the Twilio emulator playing Twilio and the phones.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, sleep, waitUntil } from './util';

export const ROOT = join(__dirname, '..', '..', '..');
export const ACCOUNT_SID = 'AC0000000000000000000000000000fa17';
export const AUTH_TOKEN = 'faults-auth-token-0123456789abcdef';
export const ADMIN_KEY = 'faults-admin-key-0123456789abcdef';

/** Consumers first, edge last, as a deployment rolls out. */
export const SERVICE_NAMES = [
  'routing',
  'preferences',
  'chats',
  'workflow',
  'outbound',
  'api',
  'ingress',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
type ProcessName = ServiceName | 'twilio-emulator';

export function mainOf(name: ProcessName): string {
  return join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
}

/** Fails clearly when the services were not built (the suite runs the built processes). */
export function assertBuilt(): void {
  const missing = [...SERVICE_NAMES, 'twilio-emulator' as const]
    .map(mainOf)
    .filter((file) => !existsSync(file));
  if (missing.length) {
    throw new Error(
      `The fault suite runs the built services; missing ${missing.join(', ')}. Run \`node scripts/build.mjs\` first (npm run test:faults does).`,
    );
  }
}

export interface ExitRecord {
  name: string;
  at: number;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Every process any harness spawned in this jest worker: none outlives it, whatever happens. */
const spawned = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of spawned)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** One service process: started, SIGKILLed and restarted with the same environment and port. */
export class ServiceProcess {
  private child?: ChildProcess;
  private expectingExit = false;
  /** Set when the process died without the harness killing it; cleared by the next start. */
  diedOnItsOwn = false;
  starts = 0;
  kills = 0;

  constructor(
    readonly name: ProcessName,
    readonly port: number,
    readonly env: Record<string, string>,
    private readonly logFile: string,
    private readonly onUnexpectedExit: (record: ExitRecord) => void,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  start(): void {
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.pid})`);
    const out = openSync(this.logFile, 'a');
    writeSync(out, `\n===== ${new Date().toISOString()} start #${this.starts + 1} of ${this.name} =====\n`);
    this.expectingExit = false;
    const child = spawn(process.execPath, [mainOf(this.name)], {
      env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port) },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    spawned.add(child);
    this.child = child;
    this.diedOnItsOwn = false;
    this.starts++;
    child.once('exit', (code, signal) => {
      spawned.delete(child);
      if (!this.expectingExit && this.child === child) {
        this.diedOnItsOwn = true;
        this.onUnexpectedExit({ name: this.name, at: Date.now(), code, signal });
      }
    });
  }

  async ready(timeoutMs = 60_000): Promise<void> {
    const path = this.name === 'twilio-emulator' ? '/health/live' : '/health/ready';
    await waitUntil(
      async () => {
        if (!this.running) throw new Error(`${this.name} is not running (see ${this.logFile})`);
        const res = await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(2000) });
        return res.ok;
      },
      timeoutMs,
      `${this.name} to be ready on ${this.url}${path}`,
      200,
    );
  }

  /** Answers its readiness probe now (one try). */
  async isReady(): Promise<boolean> {
    try {
      const path = this.name === 'twilio-emulator' ? '/health/live' : '/health/ready';
      return (await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(2000) })).ok;
    } catch {
      return false;
    }
  }

  /** SIGKILL: no drain, no acks, no shutdown hooks. */
  async kill(): Promise<void> {
    if (await this.exitOn('SIGKILL')) this.kills++;
  }

  async stop(): Promise<void> {
    await this.exitOn('SIGTERM', 8000);
  }

  /** Signals the process and waits for its exit (SIGKILL after `killAfterMs`); false when it was not running. */
  private async exitOn(signal: NodeJS.Signals, killAfterMs?: number): Promise<boolean> {
    const child = this.child;
    if (!child || !this.running) return false;
    this.expectingExit = true;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    await gone;
    clearTimeout(timer);
    return true;
  }
}

export interface StackOptions {
  logDir: string;
  natsUrl: string;
  databaseUrl: string;
  /** Extra environment for every service. */
  env?: Record<string, string>;
}

export class Stack {
  private constructor(
    private readonly logDir: string,
    readonly emulator: ServiceProcess,
    readonly services: Record<ServiceName, ServiceProcess>,
    /** Processes that died without being killed by the harness (each one is a finding). */
    readonly unexpectedExits: ExitRecord[],
  ) {}

  get apiUrl(): string {
    return this.services.api.url;
  }

  get routingUrl(): string {
    return this.services.routing.url;
  }

  get ingressUrl(): string {
    return this.services.ingress.url;
  }

  get emulatorUrl(): string {
    return this.emulator.url;
  }

  static async start(options: StackOptions): Promise<Stack> {
    assertBuilt();
    const ports: Record<string, number> = {};
    for (const name of [...SERVICE_NAMES, 'twilio-emulator']) ports[name] = await freePort();
    const ingressUrl = `http://127.0.0.1:${ports.ingress}`;
    const emulatorUrl = `http://127.0.0.1:${ports['twilio-emulator']}`;
    const logLevel = process.env.FAULTS_LOG_LEVEL ?? 'warn';
    const shared: Record<string, string> = {
      HOST: '127.0.0.1',
      LOG_LEVEL: logLevel,
      NATS_URL: options.natsUrl,
      DATABASE_URL: options.databaseUrl,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: emulatorUrl,
      PUBLIC_BASE_URL: ingressUrl,
      ADMIN_API_KEY: ADMIN_KEY,
      SHUTDOWN_TIMEOUT_MS: '5000',
      // The run measures loss and duplication, not Twilio's per-number pacing.
      SMS_SEND_RATE_PER_SECOND: '10000',
      WHATSAPP_SEND_RATE_PER_SECOND: '10000',
      // Everything comes from 127.0.0.1: the api's rate limits (tested in its own specs) would turn
      // the REST fuzz's cases into 429s before their validation is reached.
      API_RATE_LIMIT_PER_ADDRESS: '1000000',
      API_RATE_LIMIT_PER_KEY: '1000000',
      API_AUTH_FAILURES_PER_ADDRESS: '100000',
      // A send claimed by an outbound killed mid-call is reconciled after this (default a minute).
      SEND_CLAIM_STALE_MS: '10000',
      ...options.env,
    };
    const unexpected: ExitRecord[] = [];
    const onExit = (record: ExitRecord) => unexpected.push(record);
    const emulator = new ServiceProcess(
      'twilio-emulator',
      ports['twilio-emulator'],
      {
        ...shared,
        EMULATOR_WEBHOOK_URL: `${ingressUrl}/twilio/messaging`,
        EMULATOR_STATUS_DELAY_MS: '5',
        EMULATOR_MAX_MESSAGES: '1000000',
      },
      join(options.logDir, 'twilio-emulator.log'),
      onExit,
    );
    const services = Object.fromEntries(
      SERVICE_NAMES.map((name) => [
        name,
        new ServiceProcess(
          name,
          ports[name],
          envOf(name, shared),
          join(options.logDir, `${name}.log`),
          onExit,
        ),
      ]),
    ) as Record<ServiceName, ServiceProcess>;
    const stack = new Stack(options.logDir, emulator, services, unexpected);
    try {
      emulator.start();
      await emulator.ready(30_000);
      // All at once, as a fresh deployment does (migrations take an advisory lock each).
      for (const name of SERVICE_NAMES) services[name].start();
      for (const name of SERVICE_NAMES) await services[name].ready(90_000);
    } catch (error) {
      await stack.stop();
      throw error;
    }
    return stack;
  }

  /** SIGKILL a service, leave it down `downMs`, start it again with the same env and wait until ready. */
  async crash(name: ServiceName, downMs: number): Promise<number> {
    const started = Date.now();
    const service = this.services[name];
    await service.kill();
    await sleep(downMs);
    service.start();
    await service.ready(90_000);
    return Date.now() - started;
  }

  /** Restarts whatever died on its own (as an orchestrator would), so the run goes on; each is recorded. */
  async reviveCrashed(): Promise<string[]> {
    const revived: string[] = [];
    for (const name of SERVICE_NAMES) {
      const service = this.services[name];
      if (service.diedOnItsOwn && !service.running) {
        service.start();
        revived.push(name);
      }
    }
    return revived;
  }

  async allReady(timeoutMs: number): Promise<void> {
    await Promise.all(SERVICE_NAMES.map((name) => this.services[name].ready(timeoutMs)));
  }

  async stop(): Promise<void> {
    await Promise.all(SERVICE_NAMES.map((name) => this.services[name].stop()));
    await this.emulator.stop();
  }

  /** Another replica of a service: same environment, its own port and log; started and ready. */
  async addReplica(name: ServiceName, index: number): Promise<ServiceProcess> {
    const first = this.services[name];
    const replica = new ServiceProcess(
      name,
      await freePort(),
      first.env,
      join(this.logDir, `${name}-${index}.log`),
      (record) => this.unexpectedExits.push(record),
    );
    replica.start();
    await replica.ready(90_000);
    return replica;
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries(SERVICE_NAMES.map((name) => [name, this.services[name].pid]));
  }
}

/**
 * A service's environment: the shared one, except that routing does not check assigned numbers
 * against the Twilio account (its own specs test that; the fuzz and the runs create numbers freely).
 */
function envOf(name: ServiceName, shared: Record<string, string>): Record<string, string> {
  if (name !== 'routing') return { ...shared };
  const { TWILIO_ACCOUNT_SID: _sid, TWILIO_AUTH_TOKEN: _token, ...rest } = shared;
  return rest;
}
