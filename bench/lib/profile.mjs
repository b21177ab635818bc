// What a service's CPU went to during a window: self time of the samples of a `--cpu-prof` profile
// whose timestamps fall in [fromUs, toUs] (the monotonic clock, as process.hrtime), grouped by
// function and by package. `node bench/lib/profile.mjs <file.cpuprofile> [fromUs toUs] [top]`.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const where = (url) => {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node';
  const d = /dist\/((?:apps|libs)\/[^/]+)/.exec(url);
  return d ? d[1] : url;
};

export function summarize(file, { fromUs = -Infinity, toUs = Infinity, top = 15 } = {}) {
  const p = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfById = new Map();
  let t = p.startTime;
  let totalUs = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    const dt = p.timeDeltas[i + 1] ?? 0;
    if (t < fromUs || t > toUs) continue;
    selfById.set(p.samples[i], (selfById.get(p.samples[i]) ?? 0) + dt);
    totalUs += dt;
  }
  const byFn = new Map();
  const byPkg = new Map();
  const byOurs = new Map(); // the nearest of our own functions on the stack (who asked for the work)
  let idleUs = 0;
  for (const [id, us] of selfById) {
    const f = nodes.get(id).callFrame;
    if (f.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const pkg = f.functionName.startsWith('(') ? f.functionName : where(f.url);
    const key = `${f.functionName || '(anonymous)'} ${pkg}${f.url && !f.url.includes('node_modules') ? `:${f.lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
    let o = id;
    while (o !== undefined && !/\/dist\/(apps|libs)\//.test(nodes.get(o).callFrame.url)) o = parent.get(o);
    const of = o === undefined ? null : nodes.get(o).callFrame;
    const ours = of
      ? `${of.functionName || '(anonymous)'} ${where(of.url)}:${of.lineNumber + 1}`
      : `(not under our code) ${pkg}`;
    byOurs.set(ours, (byOurs.get(ours) ?? 0) + us);
  }
  const busyUs = totalUs - idleUs;
  const rank = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({
        what: k,
        ms: Math.round(us / 1000),
        share: Math.round((us / busyUs) * 1000) / 10,
      }));
  return {
    windowS: totalUs / 1e6,
    busyS: busyUs / 1e6,
    functions: rank(byFn),
    packages: rank(byPkg),
    ours: rank(byOurs),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, from, to, top] = process.argv.slice(2);
  const s = summarize(file, {
    fromUs: from ? Number(from) : -Infinity,
    toUs: to ? Number(to) : Infinity,
    top: top ? Number(top) : 25,
  });
  console.log(`${file}: ${s.busyS.toFixed(2)} s busy of ${s.windowS.toFixed(2)} s`);
  console.log('by package:');
  for (const r of s.packages) console.log(`  ${String(r.share).padStart(5)} %  ${r.ms} ms  ${r.what}`);
  console.log('by the nearest of our functions on the stack:');
  for (const r of s.ours) console.log(`  ${String(r.share).padStart(5)} %  ${r.ms} ms  ${r.what}`);
  console.log('by function (self):');
  for (const r of s.functions) console.log(`  ${String(r.share).padStart(5)} %  ${r.ms} ms  ${r.what}`);
}
