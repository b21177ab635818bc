// `npm start`: every service and the emulator against Postgres and NATS on localhost.
import { devEnvironment, startStack, waitReady } from './stack.mjs';

const stack = startStack({ env: devEnvironment() });
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const { name, child } of stack.children) {
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${signal ?? code}); stopping everything`);
    void stop();
  });
}
try {
  await waitReady(stack.children);
  console.log('\nEverything is ready:');
  for (const { name, port } of stack.children) console.log(`  ${name.padEnd(16)} http://127.0.0.1:${port}`);
  console.log('\nREST API docs: http://127.0.0.1:3001/docs   Try: npm run demo -- "Hello"\n');
} catch (error) {
  console.error(error.message);
  await stop();
}
