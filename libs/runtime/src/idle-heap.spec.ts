import { getHeapSpaceStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { exposedGc, idleHeapState, idleHeapStep, type IdleHeapProbe } from './idle-heap';

const MiB = 1024 * 1024;

/** A probe whose utilization and new space the test sets; a collection shrinks it unless `stubborn`. */
function fakeProbe(newSpace = 32 * MiB) {
  // Five seconds pass per step, as with the trimmer's interval.
  const probe = { load: 0, newSpace, collected: 0, stubborn: false, clock: 0 };
  const api: IdleHeapProbe = {
    utilization: () => {
      probe.clock += 5_000;
      return probe.load;
    },
    now: () => probe.clock,
    newSpaceBytes: () => probe.newSpace,
    collectYoung: () => {
      probe.collected++;
      if (!probe.stubborn) probe.newSpace = 1 * MiB;
    },
  };
  return { probe, step: idleHeapStep(api), state: idleHeapState() };
}

describe('idleHeapStep', () => {
  it('collects once the loop has been idle for two intervals after start, then not again', () => {
    const { probe, step, state } = fakeProbe();
    expect([step(state), step(state), step(state), step(state)]).toEqual([false, true, false, false]);
    expect(probe.collected).toBe(1);
  });

  it('never collects while the loop is busy, and again once it is idle after work, 10 minutes on', () => {
    const { probe, step, state } = fakeProbe();
    step(state);
    step(state);
    probe.load = 0.5;
    probe.newSpace = 32 * MiB;
    expect([step(state), step(state), step(state)]).toEqual([false, false, false]);
    expect(probe.collected).toBe(1);
    // Idle again 25 s after the first trim: it waits, still idle, until 10 minutes have passed.
    probe.load = 0.01;
    const waited = Array.from({ length: 120 }, () => step(state));
    expect(waited.indexOf(true)).toBe(116);
    expect(waited.filter(Boolean)).toHaveLength(1);
    expect(probe.clock).toBeGreaterThanOrEqual(10 * 60_000);
    expect(probe.collected).toBe(2);
  });

  it('a load that dips under 5 % busy every few seconds gets one trim per 10 minutes at most', () => {
    const { probe, step, state } = fakeProbe();
    let collections = 0;
    // 30 minutes of 5 s intervals: two quiet intervals, then one busy, over and over.
    for (let i = 0; i < 360; i++) {
      probe.load = i % 3 === 2 ? 0.3 : 0.01;
      if (probe.load > 0.05) probe.newSpace = 32 * MiB;
      if (step(state)) collections++;
    }
    expect(collections).toBe(3);
  });

  it('a busy interval in the quiet spell starts it again', () => {
    const { probe, step, state } = fakeProbe();
    step(state);
    probe.load = 0.2;
    step(state);
    probe.load = 0;
    expect([step(state), step(state)]).toEqual([false, true]);
  });

  it('tries again while new space does not shrink, three times at most', () => {
    const { probe, step, state } = fakeProbe();
    probe.stubborn = true;
    const steps = Array.from({ length: 8 }, () => step(state));
    expect(steps).toEqual([false, true, true, true, false, false, false, false]);
    expect(probe.collected).toBe(3);
  });

  it('leaves a small new space alone', () => {
    const { probe, step, state } = fakeProbe(2 * MiB);
    expect([step(state), step(state), step(state)]).toEqual([false, false, false]);
    expect(probe.collected).toBe(0);
  });
});

describe('exposedGc', () => {
  const newSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;

  it('is V8 gc, without leaving gc in contexts made later', () => {
    const gc = exposedGc();
    expect(typeof gc).toBe('function');
    expect(() => gc!({ type: 'minor' })).not.toThrow();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });

  it('shrinks a new space grown by a burst once allocation has calmed down', async () => {
    const gc = exposedGc()!;
    // Objects that survive scavenges make V8 grow new space.
    let keep: unknown[] = [];
    for (let i = 0; i < 400_000; i++) keep.push({ i, s: `x${i}` });
    keep = [];
    expect(keep).toHaveLength(0);
    const grown = newSpace();
    expect(grown).toBeGreaterThan(4 * MiB);
    // V8 judges the allocation rate over its last ~5 s of GC samples: a quiet spell longer than
    // that, tried again (as the trimmer does) while what other suites left in this worker runs.
    for (let i = 0; i < 6 && newSpace() >= grown; i++) {
      await new Promise((resolve) => setTimeout(resolve, 6000));
      gc({ type: 'minor' });
    }
    expect(newSpace()).toBeLessThan(grown);
  }, 60_000);
});
