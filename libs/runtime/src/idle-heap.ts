import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Gives back the young generation that start-up or a burst of work grew, once the process is idle.
 * V8 grows new space under allocation up to two 16 MiB semi-spaces and shrinks it only at a GC
 * that sees a low allocation rate; an idle service allocates too little to run one, so ~30 MiB
 * stayed resident in every service (api idle 142 MiB, 118 after). Capping the semi-spaces instead
 * (--max-semi-space-size) costs CPU per message under load. A trim is not free either: V8 grows new
 * space back with more scavenges once work resumes, and a trimmer that ran whenever the loop dipped
 * under 5 % busy cost 10–20 % more CPU per message at 25 msg/s (a dip every few seconds). So a trim
 * follows a quiet spell after work, and the next spell's waits `minGapMs` (10 minutes) after it:
 * at most one regrowth per 10 minutes however the load comes and goes.
 */
export interface IdleHeapTrimmerOptions {
  /** How often the event loop's utilization is looked at. */
  everyMs?: number;
  /** An interval whose event loop was busy less than this (0–1) is idle. */
  idleUtilization?: number;
  /** A new space no larger than this is left alone. */
  minNewSpaceBytes?: number;
  /** Idle intervals in a row before a collection. */
  quietIntervals?: number;
  /** Collections per idle spell while new space does not shrink. */
  maxTries?: number;
  /** From one idle spell's first collection to the next spell's. */
  minGapMs?: number;
}

/** What the trimmer reads and does, apart from the clock (specs give their own). */
export interface IdleHeapProbe {
  /** Event-loop utilization (0–1) since the previous call. */
  utilization(): number;
  newSpaceBytes(): number;
  /** A young-generation GC, which shrinks new space when V8 sees little allocation. */
  collectYoung(): void;
  /** Milliseconds on a monotonic clock. */
  now(): number;
}

/** What the trimmer remembers between intervals. */
export interface IdleHeapState {
  /** The loop was busy (or the process started) since the last trim. */
  armed: boolean;
  /** Idle intervals in a row. */
  idle: number;
  /** Collections this idle spell. */
  tries: number;
  /** When the last spell's first collection ran. */
  lastSpellAt: number;
}

export const idleHeapState = (): IdleHeapState => ({
  armed: true,
  idle: 0,
  tries: 0,
  lastSpellAt: -Infinity,
});

/**
 * One step per interval. After `quietIntervals` idle intervals in a row that follow work (or the
 * start), the young generation is collected; V8 judges its allocation rate over its last ~5 s of
 * GCs, so a quiet spell longer than that lets it shrink new space. Tried again on the next idle
 * intervals while new space did not shrink, at most `maxTries` times; then nothing until the loop
 * has been busy again. A spell less than `minGapMs` after the last one's first collection waits
 * (still idle) until the gap has passed. Answers whether it collected.
 */
export function idleHeapStep(
  probe: IdleHeapProbe,
  {
    idleUtilization = 0.05,
    minNewSpaceBytes = 4 * 1024 * 1024,
    quietIntervals = 2,
    maxTries = 3,
    minGapMs = 10 * 60_000,
  }: IdleHeapTrimmerOptions = {},
): (state: IdleHeapState) => boolean {
  return (state) => {
    if (probe.utilization() >= idleUtilization) {
      Object.assign(state, idleHeapState(), { lastSpellAt: state.lastSpellAt });
      return false;
    }
    state.idle++;
    if (!state.armed || state.idle < quietIntervals) return false;
    if (state.tries === 0 && probe.now() - state.lastSpellAt < minGapMs) return false;
    const before = probe.newSpaceBytes();
    if (before <= minNewSpaceBytes) {
      state.armed = false;
      return false;
    }
    probe.collectYoung();
    if (state.tries++ === 0) state.lastSpellAt = probe.now();
    if (probe.newSpaceBytes() < before || state.tries >= maxTries) state.armed = false;
    return true;
  };
}

/** V8's `gc` (a process started with --expose-gc has it already), or undefined where it cannot be had. */
export function exposedGc(): ((options?: { type: 'minor' | 'major' }) => void) | undefined {
  const existing = (globalThis as { gc?: unknown }).gc;
  if (typeof existing === 'function') return existing as never;
  try {
    // The flag only adds `gc` to contexts created while it is on: one new context, then off again.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    setFlagsFromString('--no-expose-gc');
    return typeof gc === 'function' ? (gc as never) : undefined;
  } catch {
    return undefined;
  }
}

function v8Probe(gc: NonNullable<ReturnType<typeof exposedGc>>): IdleHeapProbe {
  let last = performance.eventLoopUtilization();
  return {
    utilization() {
      const now = performance.eventLoopUtilization();
      const { utilization } = performance.eventLoopUtilization(now, last);
      last = now;
      return utilization;
    },
    newSpaceBytes: () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
    collectYoung: () => gc({ type: 'minor' }),
    now: () => performance.now(),
  };
}

let users = 0;
let timer: NodeJS.Timeout | undefined;

/**
 * Starts trimming the heap when idle (one timer per process, however many services it runs; it
 * never keeps the process alive). Returns the function that stops this caller's use of it.
 */
export function trimHeapWhenIdle(options: IdleHeapTrimmerOptions = {}): () => void {
  // The first user starts the timer; the others (the all-in-one's services) share it.
  const gc = users++ === 0 ? exposedGc() : undefined;
  if (gc) {
    const step = idleHeapStep(v8Probe(gc), options);
    const state = idleHeapState();
    timer = setInterval(() => step(state), options.everyMs ?? 5_000);
    timer.unref();
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    if (--users === 0) clearInterval(timer);
  };
}
