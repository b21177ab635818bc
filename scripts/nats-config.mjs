// `npm run nats:config`: writes the nats-server accounts block (one user per service, each allowed
// exactly its subjects) from the contracts in libs/contracts. Passwords are not written: the file
// names an environment variable per user (NATS_PASSWORD_<USER>) that nats-server reads at start.
//
//   npm run nats:config                                   deploy/k8s/base/nats/auth.conf (compose uses it too)
//   npm run nats:config -- --namespace acme --out x.conf  subjects and streams under NATS_NAMESPACE=acme
//   npm run nats:config -- --integration reminders        + a user for an operator's own service
//   npm run nats:config -- --check                        exit 1 when the file differs (CI)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    namespace: { type: 'string', default: '' },
    integration: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: join(root, 'deploy/k8s/base/nats/auth.conf') },
    check: { type: 'boolean', default: false },
  },
});
const require = createRequire(import.meta.url);
const contracts = require(join(root, 'dist/libs/contracts/src/index.js'));
const messaging = require(join(root, 'dist/libs/messaging/src/permissions.js'));
const users = messaging.natsUsers(contracts.contractsIn(contracts), values.namespace, values.integration);
const text = messaging.renderNatsAuthConfig(
  users,
  values.namespace ? `NATS_NAMESPACE=${values.namespace}` : '',
);
const out = relative(process.cwd(), values.out) || values.out;
if (values.check) {
  let current = '';
  try {
    current = readFileSync(values.out, 'utf8');
  } catch {
    // missing: differs
  }
  if (current !== text) {
    console.error(`${out} differs from the contracts: run npm run nats:config`);
    process.exit(1);
  }
  console.log(`${out} is up to date`);
} else {
  writeFileSync(values.out, text);
  console.log(`wrote ${out}: users ${users.map((u) => u.user).join(', ')}`);
  console.log(`set ${users.map((u) => u.passwordVariable).join(', ')} in nats-server's environment`);
}
