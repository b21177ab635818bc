// `npm run bench` (about 20 minutes) / `npm run bench -- --quick` (about two minutes).
// Starts what it needs against Postgres and NATS on localhost, in its own namespace, schemas and
// ports, prints a table and writes the same figures to bench/results/<run>.json (and latest.json).
// See bench/README.md for what each figure means.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { log, root, round, sleep } from './lib/common.mjs';
import { DATABASE_URL, deleteStreams, dropSchemas, withJsm } from './lib/infra.mjs';
import { footprintOf } from './lib/footprint.mjs';
import { goals, printTable } from './lib/table.mjs';
import { benchIngress } from './parts/ingress.mjs';
import { startSystem } from './parts/system.mjs';
import { benchE2E } from './parts/e2e.mjs';
import { benchAllInOne } from './parts/all-in-one.mjs';
import { benchBroadcast, benchSends, createMembers } from './parts/outbound.mjs';
import { workMeter, workTotals } from './lib/work.mjs';
import { benchFairness } from './parts/fairness.mjs';
import { benchHop, cleanupHop } from './parts/hop.mjs';

const quick = process.argv.includes('--quick');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const want = (part) => !only || only.includes(part);
const listArg = (name) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3)
    .split(',')
    .map(Number);
// --cpu-prof: every service of the system stack writes a CPU profile (summarized per e2e step).
const cpuProf = process.argv.includes('--cpu-prof');
const runId = `bench${Date.now().toString(36)}`;
const nsIngress = `${runId}i`;
const nsSystem = `${runId}s`;
const nsAllInOne = `${runId}a`;
const nsE2eAllInOne = `${runId}e`;
const nsHop = `${runId}h`;
const resultsDir = join(root, 'bench/results');
mkdirSync(resultsDir, { recursive: true });

const profDir = cpuProf ? join(resultsDir, `${runId}-prof`) : null;

if (!existsSync(join(root, 'dist/apps/ingress/src/main.js'))) {
  console.error('Build first: node scripts/build.mjs (npm run bench does it).');
  process.exit(1);
}

const PLAN = quick
  ? {
      e2eRates: [10, 50, 200],
      e2eExtra: [],
      e2eBisect: false,
      e2eDurationS: 4,
      members: 1000,
      sends: 500,
      broadcastRates: [100, 400],
    }
  : {
      e2eRates: [10, 50, 200, 500],
      e2eExtra: [750, 1000, 1500],
      e2eBisect: true,
      e2eDurationS: 20,
      members: 10_000,
      sends: 3000,
      broadcastRates: [100, 400],
    };
// --rates=50,100 and --duration=20 replace the e2e plan's rates (no climbing) and step length.
if (listArg('rates')) Object.assign(PLAN, { e2eRates: listArg('rates'), e2eExtra: [], e2eBisect: false });
if (listArg('duration')) PLAN.e2eDurationS = listArg('duration')[0];

const report = {
  runId,
  mode: quick ? 'quick' : 'full',
  startedAt: new Date().toISOString(),
  machine: await machine(),
  parts: {},
};
let system;
/** The all-in-one stack of the e2e-aio part, while it runs. */
let aioSystem;
let cleaning = false;

async function cleanup() {
  if (cleaning) return;
  cleaning = true;
  await system?.stack.stop().catch(() => {});
  await aioSystem?.stack.stop().catch(() => {});
  try {
    const streams = await deleteStreams([nsIngress, nsSystem, nsAllInOne, nsE2eAllInOne]);
    if (want('hop')) await cleanupHop(nsHop);
    const schemas = await dropSchemas(runId);
    log(`cleaned up ${streams.length} streams and ${schemas.length} schemas`);
  } catch (error) {
    log(`cleanup failed: ${error.message}`);
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping and cleaning up`);
    void cleanup().then(() => process.exit(130));
  });
}

async function part(name, fn) {
  const t0 = Date.now();
  try {
    report.parts[name] = { ok: true, ...(await fn()) };
  } catch (error) {
    log(`${name} could not run: ${error.message}`);
    report.parts[name] = { ok: false, error: error.message };
  }
  report.parts[name].elapsedS = round((Date.now() - t0) / 1000, 1);
}

log(`run ${runId} (${report.mode}), load average ${report.machine.loadAverageAtStart.join(' ')}`);
if (want('ingress')) await part('ingress', () => benchIngress({ quick, ns: nsIngress, port: 5100 }));

// In this process, before the system stack starts (it needs the cores to itself).
if (want('hop')) await part('hop', () => benchHop({ ns: nsHop, events: quick ? 2000 : 5000 }));

if (want('e2e') || want('outbound') || want('fairness')) {
  await part('system', async () => {
    system = await startSystem({
      ns: nsSystem,
      schemaPrefix: runId,
      portOffset: 2000,
      logFile: join(resultsDir, `${runId}-services.log`),
      cpuProfDir: profDir,
    });
    return { startupMs: system.startupMs };
  });
}
/**
 * What a stack's services burn with nothing to do (timers, lag polls, pull requests), subtracted
 * from a step's CPU to get the CPU per answered message, and their idle memory.
 */
async function idleFootprint(footprint) {
  await sleep(2000);
  const idleCpu = footprint.cpuMeter();
  const idleS = quick ? 4 : 8;
  await sleep(idleS * 1000);
  const idleSeconds = idleCpu({ seconds: true });
  return {
    ok: true,
    // Idle memory once V8's memory reducer has run (the idle CPU above took 10 s of it already).
    idleMiB: await footprint.settled({ minS: 4 }),
    idleCpuCores: Object.fromEntries(Object.entries(idleSeconds).map(([k, v]) => [k, round(v / idleS, 3)])),
  };
}

/** The e2e climb on a running system; the services' peak memory goes to `peak`. */
async function e2eOn(system, footprint, idle, ns, peak) {
  const number = await system.numberFor(10_000);
  return benchE2E({
    quick,
    ns,
    system,
    number,
    rates: PLAN.e2eRates,
    extraRates: PLAN.e2eExtra,
    bisect: PLAN.e2eBisect,
    durationS: PLAN.e2eDurationS,
    footprint: {
      sample: (p) => (footprint.sample(p), footprint.sample(peak)),
      cpuMeter: footprint.cpuMeter,
      idleCpuCores: idle.idleCpuCores,
    },
  });
}

if (system) {
  const footprint = footprintOf(system.stack);
  report.parts.footprint = await idleFootprint(footprint);
  if (want('e2e')) {
    await part('e2e', async () => {
      const peak = {};
      const res = await e2eOn(system, footprint, report.parts.footprint, nsSystem, peak);
      report.parts.footprint.e2ePeakMiB = peak;
      return res;
    });
  }
  let membersMade = 0;
  if (want('outbound')) {
    await part('outbound', async () => {
      const { members, perSecond } = await createMembers(system, PLAN.members);
      membersMade = members.length;
      const number = await system.numberFor(10_000);
      const cpu = footprint.cpuMeter();
      const work = await workMeter(system.stack, system.schemaPrefix);
      const sends = await benchSends({ system, number, members: members.slice(0, PLAN.sends), ns: nsSystem });
      sends.cpuCores = cpu();
      sends.workPerSend = await work.per(sends.delivered);
      sends.workTotals = workTotals(sends.workPerSend);
      return { membersCreatedPerSecond: perSecond, sends };
    });
    if (report.parts.outbound.ok) {
      await part('broadcast', async () => {
        const runs = [];
        for (const configuredRate of PLAN.broadcastRates) {
          const number = await system.numberFor(configuredRate);
          const cpu = footprint.cpuMeter();
          const res = await benchBroadcast({ system, number, expectedMembers: PLAN.members, configuredRate });
          runs.push({ ...res, cpuCores: cpu() });
        }
        return { runs };
      });
    }
  }
  if (want('fairness')) {
    // Last on the system stack: the broadcast it starts keeps sending at 1/s until the stack stops.
    await part('fairness', async () => {
      if (!membersMade) membersMade = (await createMembers(system, PLAN.members)).members.length;
      return benchFairness({
        quick,
        ns: nsSystem,
        system,
        members: membersMade,
        footprint: {
          sample: (p) => footprint.sample(p),
          cpuMeter: footprint.cpuMeter,
          idleCpuCores: report.parts.footprint.idleCpuCores,
        },
      });
    });
  }
  report.parts.footprint.afterMiB = footprint.now();
  const dead = system.stack.dead();
  if (dead.length) report.deadServices = dead;
}

if (want('allinone')) {
  // Alone on the machine: the system stack is stopped first.
  await system?.stack.stop().catch(() => {});
  await part('allInOne', () =>
    benchAllInOne({
      ns: nsAllInOne,
      schemaPrefix: `${runId}_a`,
      // Not 3000: fetch refuses port 6000 (X11 is on the Fetch standard's list of bad ports).
      portOffset: 3100,
      logFile: join(resultsDir, `${runId}-services.log`),
    }),
  );
}

if (want('e2e-aio')) {
  // The same climb with the services as one process (npm start's default), the emulator beside it.
  await system?.stack.stop().catch(() => {});
  await part('e2eAllInOne', async () => {
    const aio = (aioSystem = await startSystem({
      ns: nsE2eAllInOne,
      schemaPrefix: `${runId}_e`,
      portOffset: 2000,
      logFile: join(resultsDir, `${runId}-services.log`),
      allInOne: true,
      cpuProfDir: profDir && join(profDir, 'all-in-one'),
    }));
    const footprint = footprintOf(aio.stack);
    const idle = await idleFootprint(footprint);
    const peak = {};
    const res = await e2eOn(aio, footprint, idle, nsE2eAllInOne, peak);
    return { ...res, idleMiB: idle.idleMiB, idleCpuCores: idle.idleCpuCores, e2ePeakMiB: peak };
  });
  await aioSystem?.stack.stop().catch(() => {});
}

await cleanup();
if (profDir) {
  const { summarize } = await import('./lib/profile.mjs');
  report.profiles = {};
  // Each step's window of each process's profile; the all-in-one process's under its own name.
  const summarizeSteps = (e, stack, dir) => {
    for (const step of e.steps) {
      const [fromUs, toUs] = step.monotonicWindowUs;
      for (const c of stack.children) {
        const file = join(dir, `${c.name}.cpuprofile`);
        if (!existsSync(file) || (dir !== profDir && c.name === 'twilio-emulator')) continue;
        (report.profiles[step.offeredRate] ??= {})[c.name] = summarize(file, { fromUs, toUs, top: 12 });
      }
    }
  };
  if (report.parts.e2e?.ok) summarizeSteps(report.parts.e2e, system.stack, profDir);
  if (report.parts.e2eAllInOne?.ok)
    summarizeSteps(report.parts.e2eAllInOne, aioSystem.stack, join(profDir, 'all-in-one'));
}
report.finishedAt = new Date().toISOString();
report.machine.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
report.goals = goals(report);
const table = printTable(report);
report.table = table;
writeFileSync(join(resultsDir, `${runId}.json`), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(table);
console.log(
  `\nfigures: bench/results/${runId}.json (and latest.json); service logs: bench/results/${runId}-services.log`,
);
process.exit(0);

async function machine() {
  let natsVersion = null;
  let postgresVersion = null;
  try {
    natsVersion = await withJsm(async (_jsm, nc) => nc.info?.version ?? null);
  } catch (error) {
    natsVersion = `unreachable: ${error.message}`;
  }
  try {
    const c = new pg.Client({ connectionString: DATABASE_URL });
    await c.connect();
    postgresVersion = (await c.query('SHOW server_version')).rows[0].server_version;
    await c.end();
  } catch (error) {
    postgresVersion = `unreachable: ${error.message}`;
  }
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    cpu: cpus()[0]?.model,
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    nats: natsVersion,
    postgres: postgresVersion,
    commit,
    loadAverageAtStart: loadavg().map((x) => round(x, 2)),
  };
}
