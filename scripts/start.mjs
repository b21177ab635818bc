// `npm start`: every service and the emulator against Postgres and NATS on localhost; when
// nothing answers there, an embedded Postgres and nats-server are started (scripts/infra.mjs).
// `npm start -- --embedded` starts both on free ports whatever answers. The services run as
// modules of one process (apps/all-in-one); `npm start -- --processes` runs one process each.
import { ensureInfrastructure } from './infra.mjs';
import { devEnvironment, startStack, waitReady } from './stack.mjs';

let infra;
try {
  infra = await ensureInfrastructure({ embedded: process.argv.includes('--embedded') });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
// One Node process for every service (apps/all-in-one) unless --processes asks for one each.
const processes = process.argv.includes('--processes');
const stack = startStack({ env: devEnvironment({ ...process.env, ...infra.env }), processes });
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  await infra.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
const watched = new Set();
for (const { name, child } of stack.children) {
  if (watched.has(child)) continue;
  watched.add(child);
  const label = processes ? name : 'the all-in-one process';
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${label} exited (${signal ?? code}); stopping everything`);
    void stop(1);
  });
}
for (const { name, child } of infra.started) {
  child?.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${signal ?? code}); stopping everything`);
    void stop(1);
  });
}
try {
  // Generous: on a busy laptop eight Node processes take a while to boot.
  await waitReady(stack.children, 300_000);
  console.log(
    `\nEverything is ready (${processes ? 'one process per service' : 'one process, pid ' + stack.children[0].child.pid}):`,
  );
  for (const { name, port } of stack.children) console.log(`  ${name.padEnd(16)} http://127.0.0.1:${port}`);
  const env = { ...process.env, ...infra.env };
  console.log(
    `  ${'postgres'.padEnd(16)} ${(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres').replace(/:[^:@/]+@/, ':***@')}`,
  );
  console.log(`  ${'nats'.padEnd(16)} ${env.NATS_URL ?? 'nats://127.0.0.1:4222'}`);
  for (const s of infra.started) console.log(`  started ${s.name}; data in ${s.dir}`);
  console.log(
    '\nREST API docs: http://127.0.0.1:3001/docs   Try: npm run demo -- "Hello"   Ctrl-C stops everything\n',
  );
} catch (error) {
  console.error(error.message);
  await stop(1);
}
