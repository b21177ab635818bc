// `npm run migrate`: runs every service's migrations (each in its own schema) and exits.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devEnvironment, SERVICES } from './stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let failed = false;
for (const { name, port } of SERVICES) {
  if (name === 'twilio-emulator' || name === 'ingress') continue;
  const result = spawnSync(process.execPath, [join(root, 'dist/apps', name, 'src/main.js'), 'migrate'], {
    env: { ...devEnvironment(), PORT: String(port) },
    stdio: 'inherit',
  });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
