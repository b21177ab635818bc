// `node scripts/with-infra.mjs <command...>`: runs the command with Postgres and NATS answering
// (scripts/infra.mjs: the machine's when they answer, as in CI; else embedded ones, stopped after).
// `--embedded` first: embedded ones on free ports whatever answers.
import { spawn } from 'node:child_process';
import { ensureInfrastructure } from './infra.mjs';

const embedded = process.argv[2] === '--embedded';
const [command, ...args] = process.argv.slice(embedded ? 3 : 2);
let infra;
try {
  infra = await ensureInfrastructure({ embedded, log: (line) => console.error(line) });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...infra.env } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', async (code, signal) => {
  await infra.stop();
  process.exit(code ?? (signal ? 1 : 0));
});
