import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function log(...args) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${args.join(' ')}\n`);
}

/** Resident memory of a process in MiB (VmRSS), or null when it is gone. */
export function rssMiB(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}

/**
 * Resident memory of processes once idle has settled: V8 shrinks a heap grown by start-up work only
 * when its memory reducer runs, some 5–15 s into idleness (api: 139 MiB at 6 s, 105 MiB at 10 s
 * and after). Samples every second until no process moved more than 1 MiB over `quietS` seconds,
 * at least `minS` and at most `maxS` seconds. `pids`: { name: pid }.
 */
export async function settledRssMiB(pids, { minS = 12, quietS = 5, maxS = 40 } = {}) {
  const history = [];
  for (let s = 1; s <= maxS; s++) {
    await sleep(1000);
    history.push(Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, rssMiB(pid)])));
    if (s < minS || history.length <= quietS) continue;
    const recent = history.slice(-quietS - 1);
    const quiet = Object.keys(pids).every((name) => {
      const v = recent.map((h) => h[name]).filter((x) => x !== null);
      return v.length === 0 || Math.max(...v) - Math.min(...v) <= 1;
    });
    if (quiet) break;
  }
  return history[history.length - 1];
}

/** Cumulative CPU seconds (user + system) of a process, from /proc/<pid>/stat. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

export function quantile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

/** Spawns a node script; the child's stderr is kept (last lines) for error messages. */
export function spawnNode(script, args, env, { ipc = false } = {}) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])],
  });
  let tail = '';
  const keep = (d) => {
    tail = (tail + d.toString()).slice(-4000);
  };
  child.stderr.on('data', keep);
  child.stdout.on('data', keep);
  child.tail = () => tail;
  return child;
}

export function stopChild(child, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode) return resolve();
    const t = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Runs a load-generator child to completion and parses the JSON line it prints. */
export function runJsonChild(script, cfg, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, script), JSON.stringify(cfg)], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop();
      try {
        if (code !== 0) throw new Error(`exit ${code}`);
        resolve(JSON.parse(line));
      } catch (e) {
        reject(new Error(`${script} failed (${e.message}): ${err.trim().split('\n').slice(-5).join(' | ')}`));
      }
    });
  });
}

export async function waitHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(
        `process exited (${child.exitCode}): ${child.tail?.().trim().split('\n').slice(-5).join(' | ')}`,
      );
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready within ${timeoutMs} ms`);
    await sleep(150);
  }
}

export const round = (x, d = 0) =>
  typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : x;
