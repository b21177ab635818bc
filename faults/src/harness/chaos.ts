// The faults: SIGKILL and restart of services at random times, and one crash-restart each of the
// private NATS and Postgres, after which the services must come back by themselves.
import type { PrivateNats, PrivatePostgres } from './infra';
import { SERVICE_NAMES, type ServiceName, type Stack } from './stack';
import { Random, sleep } from './util';

export type FaultTarget = ServiceName | 'nats' | 'postgres';

export interface FaultRecord {
  target: FaultTarget;
  /** ms since the run started */
  at: number;
  downMs: number;
  /** Until every service answered ready again. */
  recoveredMs: number | null;
  /** For NATS/Postgres: services that did not come back by themselves (restarted by the harness). */
  notReconnected?: string[];
  error?: string;
}

/**
 * The plan: each of routing, chats, workflow, outbound and ingress at least once, NATS once,
 * Postgres once, plus `extraKills` more random service kills, in random order.
 */
export function faultPlan(
  random: Random,
  extraKills: number,
  mustKill: ServiceName[] = ['routing', 'chats', 'workflow', 'outbound', 'ingress'],
): FaultTarget[] {
  const plan: FaultTarget[] = [...mustKill, 'nats', 'postgres'];
  for (let i = 0; i < extraKills; i++) plan.push(random.pick(SERVICE_NAMES));
  return random.shuffle(plan);
}

export class Chaos {
  readonly faults: FaultRecord[] = [];
  private readonly started = Date.now();

  constructor(
    private readonly stack: Stack,
    private readonly nats: PrivateNats,
    private readonly pg: PrivatePostgres,
    private readonly random: Random,
    private readonly log: (line: string) => void,
  ) {}

  get kills(): number {
    return this.faults.filter((f) => f.target !== 'nats' && f.target !== 'postgres').length;
  }

  /**
   * Runs the plan while `progress()` (0..1) advances: fault i fires once progress passes
   * (i + 0.5) / n (plus jitter), one at a time; each waits until the system is ready again.
   */
  async run(plan: FaultTarget[], progress: () => number, stopped: () => boolean): Promise<void> {
    for (let i = 0; i < plan.length; i++) {
      const due = Math.min(0.95, (i + 0.3 + this.random.next() * 0.5) / plan.length);
      while (progress() < due && !stopped()) await sleep(100);
      if (stopped() && progress() < due) break;
      await this.fire(plan[i]);
    }
  }

  async fire(target: FaultTarget): Promise<FaultRecord> {
    const at = Date.now() - this.started;
    const record: FaultRecord = { target, at, downMs: 0, recoveredMs: null };
    this.faults.push(record);
    const t0 = Date.now();
    try {
      if (target === 'nats' || target === 'postgres') {
        record.downMs = this.random.int(1000, 3000);
        this.log(`fault: ${target} crashed (down ${record.downMs} ms)`);
        if (target === 'nats') await this.nats.crashAndRestart(record.downMs);
        else await this.pg.crashAndRestart(record.downMs);
        // The services are NOT restarted: they must reconnect by themselves.
        record.notReconnected = await this.waitReconnected(60_000);
      } else {
        record.downMs = this.random.int(200, 2500);
        this.log(`fault: ${target} SIGKILL (down ${record.downMs} ms)`);
        await this.stack.crash(target, record.downMs);
      }
      record.recoveredMs = Date.now() - t0;
      this.log(
        `fault: ${target} recovered after ${record.recoveredMs} ms${record.notReconnected?.length ? ` (did not reconnect by themselves: ${record.notReconnected.join(', ')})` : ''}`,
      );
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      this.log(`fault: ${target} failed to recover: ${record.error}`);
    }
    return record;
  }

  /** Waits for every service to be ready again on its own; restarts (and names) those that never are. */
  private async waitReconnected(timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    const pending = new Set<ServiceName>(SERVICE_NAMES);
    while (pending.size && Date.now() < deadline) {
      for (const name of [...pending]) {
        const service = this.stack.services[name];
        if (service.running && (await service.isReady())) pending.delete(name);
      }
      if (pending.size) await sleep(250);
    }
    const stuck = [...pending];
    for (const name of stuck) await this.stack.crash(name, 0);
    return stuck;
  }
}
