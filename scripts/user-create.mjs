// `npm run user:create -- --email ana@example.com --role admin [--workspace <id>]...`: creates a
// console user in the api's schema (the first admin, before anyone can sign in). The password is
// asked for on a terminal (hidden) or read from standard input:
//   printf '%s\n' "$PASSWORD" | npm run user:create -- --email ana@example.com --role admin
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devEnvironment, SERVICES } from './stack.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const api = SERVICES.find((s) => s.name === 'api');
const result = spawnSync(
  process.execPath,
  [join(root, 'dist/apps/api/src/main.js'), 'user:create', ...process.argv.slice(2)],
  { env: { ...devEnvironment(), PORT: String(api.port) }, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
