// `npm run dlq -- list [limit] | show <id> | replay <id> | drop <id>`: the dead letters on NATS
// (libs/messaging DeadLetterQueue). Connects with NATS_URL, NATS_NAMESPACE and the operator's
// NATS_USER/NATS_PASSWORD (user `operator` of `npm run nats:config`) from the environment.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { runDlqCommand } = createRequire(import.meta.url)(join(root, 'dist/libs/messaging/src/index.js'));
process.exitCode = await runDlqCommand(process.argv.slice(2), process.env);
