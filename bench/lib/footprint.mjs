import { cpuSeconds, round, rssMiB, settledRssMiB } from './common.mjs';

/** Resident memory (VmRSS) of each service process of a bench stack. */
export function footprintOf(stack) {
  return {
    now() {
      return Object.fromEntries(stack.children.map((c) => [c.name, rssMiB(c.child.pid)]));
    },
    /** Each service's RSS once idleness has settled (see settledRssMiB). */
    settled(options) {
      return settledRssMiB(Object.fromEntries(stack.children.map((c) => [c.name, c.child.pid])), options);
    },
    /** A CPU meter: `stop()` gives each service's CPU use since `start`, in cores (1.0 = one core busy). */
    cpuMeter() {
      const t0 = performance.now();
      const c0 = Object.fromEntries(stack.children.map((c) => [c.name, cpuSeconds(c.child.pid) ?? 0]));
      // { seconds: true }: CPU seconds per service since `start`, unrounded (for figures per message).
      return ({ seconds = false } = {}) => {
        const s = (performance.now() - t0) / 1000;
        return Object.fromEntries(
          stack.children.map((c) => {
            const used = (cpuSeconds(c.child.pid) ?? 0) - c0[c.name];
            return [c.name, seconds ? used : round(used / s, 2)];
          }),
        );
      };
    },
    /** Keeps the highest value seen per service in `peak`. */
    sample(peak) {
      for (const c of stack.children) {
        const v = rssMiB(c.child.pid);
        if (v !== null && (peak[c.name] ?? 0) < v) peak[c.name] = v;
      }
    },
  };
}
