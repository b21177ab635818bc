import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppError, GetMember, ListMembers, nullIfNotFound, type Member } from '@app/contracts';
import { firstLine } from '@app/cel';
import { backoffMs, isTransientError, MessagingClient, sleep } from '@app/messaging';
import { defaultSendRates, type SendRateConfig } from '@app/config';
import { SEND_REASONS, senderRate } from '@app/rules';
import { SERVICE_CONFIG } from '@app/runtime';
import { failed, skipped, type ActionOutcome } from '../actions/action-outcome';
import { compileCel } from '../actions/cel';
import { memberView } from '../actions/member-view';
import { actionChannel, senderRefusal, type Sender } from '../actions/sender-checks';
import { SendActionRunner } from '../actions/send-action.runner';
import { Sql } from '@app/persistence';
import { RoutineRunsRepository, type RoutineRun } from './routine-runs.repository';
import { RoutinesRepository, type RoutineRecord } from './routines.repository';
import { SendPacer } from './send-pacer';

/** Sends in flight per run: the pacer hands them over at the number's rate, this bounds our side. */
const CONCURRENCY = 16;
const PAGE_SIZE = 200;
/** Attempts per member when a neighbour is down, before the run pauses (the sweeper resumes it). */
const ATTEMPTS = 5;
/** Advisory-lock class for runs: a run is processed by the one connection that holds its lock. */
const LOCK_CLASS = 7_314_001;
/** How often a run being processed looks whether it was cancelled (by any replica). */
const CANCEL_CHECK_MS = 250;
/** The longest a worker waits for its turn before looking whether the run was stopped. */
const TURN_CHECK_MS = 250;

/**
 * Processes a routine run: pages through the members the filter matches, records each as a
 * pending item before acting, acts with bounded concurrency and settles each item with its
 * outcome, handing sends to outbound at the number's rate, a few seconds ahead (SendPacer).
 * Holding the run's advisory lock on a dedicated connection makes the run single-owner; a crash
 * drops the connection and the lock with it, so a restarted (or other) replica resumes: settled
 * items are skipped, pending ones are acted on again under the same idempotency key.
 */
@Injectable()
export class RoutineRunner implements OnModuleDestroy {
  private readonly logger = new Logger('RoutineRunner');
  private readonly active = new Map<string, Promise<void>>();
  /** Runs this replica processes that were cancelled: their workers take no more members. */
  private readonly halted = new Set<string>();
  private stopping = false;

  constructor(
    private readonly sql: Sql,
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
    private readonly actions: SendActionRunner,
    private readonly messaging: MessagingClient,
    @Inject(SERVICE_CONFIG) private readonly config: SendRateConfig,
  ) {}

  /** Starts processing a run in the background unless this replica already is (or is stopping). */
  launch(runId: string): void {
    if (this.stopping || this.active.has(runId)) return;
    const work = this.process(runId)
      .catch((error: unknown) =>
        this.logger.warn(`Routine run ${runId} paused, to be resumed: ${describe(error)}`),
      )
      .finally(() => this.active.delete(runId));
    this.active.set(runId, work);
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  /** A run was cancelled on this replica: stop at once (others notice within CANCEL_CHECK_MS). */
  halt(runId: string): void {
    if (this.active.has(runId)) this.halted.add(runId);
  }

  private stopped(runId: string): boolean {
    return this.stopping || this.halted.has(runId);
  }

  /** Lets in-flight sends settle; the rest of each run is left for the next owner. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.active.values());
  }

  private async process(runId: string): Promise<void> {
    const lock = await this.sql.dedicated();
    try {
      const [{ locked }] = (await lock.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
        LOCK_CLASS,
        runId,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return; // another replica owns it
      const watch = setInterval(() => {
        this.runs
          .stateOf(runId)
          .then((state) => {
            if (state !== 'running') this.halted.add(runId);
          })
          .catch(() => undefined);
      }, CANCEL_CHECK_MS);
      watch.unref();
      try {
        const run = await this.runs.get(runId);
        if (!run || run.state !== 'running') return;
        const routine = await this.routines.get(run.workspaceId, run.routineId);
        if (!routine) return this.runs.finish(run.id, 'The routine no longer exists.');
        await this.work(run, routine);
      } finally {
        clearInterval(watch);
        this.halted.delete(runId);
        await lock
          .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, runId])
          .catch(() => undefined);
      }
    } finally {
      await lock.release();
    }
  }

  private async work(run: RoutineRun, routine: RoutineRecord): Promise<void> {
    let cursor = run.memberCursor;
    let listingDone = run.listingDone;
    let members = new Map<string, Member>();
    let pacer: SendPacer | undefined; // one per (re)start: the lead is counted from here
    for (;;) {
      if (this.stopped(run.id)) return;
      const pending = await this.runs.pendingItems(run.id, PAGE_SIZE);
      if (pending.length) {
        pacer = await this.actOn(run, routine, pending, members, pacer);
        continue;
      }
      if (listingDone) break;
      let page;
      try {
        page = await this.messaging.request(
          ListMembers,
          { workspaceId: run.workspaceId, filter: routine.memberFilter, limit: PAGE_SIZE, cursor },
          { timeoutMs: 15_000 },
        );
      } catch (error) {
        // The filter itself is refused (preferences could not evaluate it): the run ends, saying why.
        if (error instanceof AppError && error.code !== 'unavailable' && error.code !== 'internal') {
          await this.runs.finish(run.id, `The member filter was refused: ${error.message}`);
          return;
        }
        throw error;
      }
      await this.runs.addPage(
        run,
        page.items.map((m) => m.id),
        page.nextCursor,
      );
      members = new Map(page.items.map((m) => [m.id, m]));
      cursor = page.nextCursor;
      listingDone = page.nextCursor === null;
    }
    await this.runs.finish(run.id);
    const done = await this.runs.get(run.id);
    this.logger.log(
      `Routine ${routine.id} run ${run.id} done: matched ${done?.matched}, accepted ${done?.accepted}, sent ${done?.sent}, skipped ${done?.skipped}, failed ${done?.failed}`,
    );
  }

  /** Acts on a batch of pending members, CONCURRENCY at a time, at the pace of the number. */
  private async actOn(
    run: RoutineRun,
    routine: RoutineRecord,
    memberIds: string[],
    members: Map<string, Member>,
    pacer: SendPacer | undefined,
  ): Promise<SendPacer | undefined> {
    const sender = await this.withRetries(() =>
      this.actions.sender(run.workspaceId, routine.action.phoneNumberId),
    );
    const channel = actionChannel(routine.action);
    // A number that is gone, archived or off for the channel fails every member here: nothing to pace.
    const sends = sender !== null && senderRefusal(channel, sender) === null;
    if (sends) {
      const rate = senderRate(sender.phoneNumber, channel, defaultSendRates(this.config));
      if (pacer) pacer.setRate(rate);
      else pacer = new SendPacer(rate);
    }
    const turns = sends ? pacer : undefined;
    let next = 0;
    const worker = async () => {
      while (next < memberIds.length && !this.stopped(run.id)) {
        const memberId = memberIds[next++];
        const outcome = await this.actFor(run, routine, memberId, members.get(memberId), sender, turns);
        if (outcome === null) return; // stopped while waiting for its turn: the item stays pending
        await this.runs.settleItem(run, memberId, outcome);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, memberIds.length) }, worker));
    return pacer;
  }

  /** Waits for the next send's turn; false if the run was stopped meanwhile. */
  private async turn(runId: string, pacer: SendPacer): Promise<boolean> {
    while (!pacer.tryTake()) {
      if (this.stopped(runId)) return false;
      await sleep(Math.min(pacer.waitMs(), TURN_CHECK_MS));
    }
    return true;
  }

  private async actFor(
    run: RoutineRun,
    routine: RoutineRecord,
    memberId: string,
    member: Member | undefined,
    sender: Sender | null,
    pacer: SendPacer | undefined,
  ): Promise<ActionOutcome | null> {
    if (!sender) return failed(SEND_REASONS.numberNotFound);
    let onceKey: string | null = null;
    let target = member;
    if (routine.oncePer) {
      const known =
        member ??
        (await nullIfNotFound(
          this.withRetries(() =>
            this.messaging.request(
              GetMember,
              { workspaceId: run.workspaceId, memberId },
              { timeoutMs: 10_000 },
            ),
          ),
        ));
      if (!known) return failed(SEND_REASONS.memberNotFound);
      const key = onceKeyOf(routine.oncePer, known);
      if ('error' in key) return failed(key.error);
      onceKey = key.key;
      if (!(await this.routines.claimOnce(routine, onceKey, memberId, run.id)))
        return skipped(`Already done once for this member and key (oncePer: ${onceKey.slice(0, 200)}).`);
      target = known;
    }
    if (pacer && !(await this.turn(run.id, pacer))) {
      if (onceKey !== null) await this.routines.releaseOnce(routine.id, onceKey, run.id);
      return null;
    }
    const outcome = await this.act(run, routine, memberId, target, sender);
    // Only a send keeps its key: a skip or a failure may be tried again by a later run.
    if (onceKey !== null && outcome.status !== 'sent' && outcome.status !== 'accepted')
      await this.routines.releaseOnce(routine.id, onceKey, run.id);
    return outcome;
  }

  private async act(
    run: RoutineRun,
    routine: RoutineRecord,
    memberId: string,
    member: Member | undefined,
    sender: Sender,
  ): Promise<ActionOutcome> {
    try {
      return await this.withRetries(() =>
        this.actions.run({
          workspaceId: run.workspaceId,
          action: routine.action,
          memberId,
          member,
          sender,
          idempotencyKey: `routine:${run.id}:${memberId}`,
          originRef: `routine-run:${run.id}`,
        }),
      );
    } catch (error) {
      if (isTransientError(error)) throw error; // neighbour still down: pause the run, keep the item pending
      this.logger.error(`Routine run ${run.id}: unexpected error for one member: ${describe(error)}`);
      return failed('The action failed unexpectedly; see the workflow service logs.');
    }
  }

  private async withRetries<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isTransientError(error) || attempt >= ATTEMPTS || this.stopping) throw error;
        await sleep(backoffMs(attempt, 200, 5_000));
      }
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The oncePer key of a member: the CEL expression's value as text, or why it has none. */
function onceKeyOf(expression: string, member: Member): { key: string } | { error: string } {
  let value: unknown;
  try {
    value = compileCel(expression, 'oncePer').evaluate({ member: memberView(member), now: new Date() });
  } catch (error) {
    return { error: `oncePer could not be evaluated for this member: ${firstLine(error)}` };
  }
  if (value === null || value === undefined || value === '')
    return { error: 'oncePer gave no key for this member.' };
  return { key: typeof value === 'string' ? value : JSON.stringify(value) };
}
