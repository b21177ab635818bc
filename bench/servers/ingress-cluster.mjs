// N ingress processes sharing one port through Node's cluster module (the primary only forks).
import cluster from 'node:cluster';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const workers = Number(process.env.INGRESS_WORKERS ?? 2);
cluster.setupPrimary({ exec: join(root, 'dist/apps/ingress/src/main.js') });
const forked = [];
for (let i = 0; i < workers; i++) forked.push(cluster.fork());
let stopping = false;
cluster.on('exit', (worker, code) => {
  if (!stopping) {
    console.error(`ingress worker ${worker.process.pid} exited (${code})`);
    process.exit(1);
  }
});
// Tell the parent the worker pids (for memory figures).
cluster.on('online', () => {
  if (Object.keys(cluster.workers).length === workers && process.send) {
    process.send({ workers: Object.values(cluster.workers).map((w) => w.process.pid) });
  }
});
process.on('SIGTERM', () => {
  stopping = true;
  let left = forked.length;
  for (const w of forked) {
    w.once('exit', () => --left === 0 && process.exit(0));
    w.process.kill('SIGTERM');
  }
});
