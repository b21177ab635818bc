// `npm run contracts:readme`: rewrites the generated tables of libs/contracts/README.md from the
// contracts themselves (who publishes, who consumes). libs/contracts' spec fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const contracts = createRequire(import.meta.url)(join(root, 'dist/libs/contracts/src/index.js'));
const path = join(root, 'libs/contracts/README.md');
const tables = contracts.renderContractTables(contracts.contractsIn(contracts));
writeFileSync(path, contracts.withContractTables(readFileSync(path, 'utf8'), tables));
console.log(`updated ${path}`);
