// `npm run contracts:schemas`: writes a JSON Schema per NATS payload (libs/contracts/schemas/) and
// the AsyncAPI 3 document (libs/contracts/asyncapi.yaml) from the zod contracts. libs/contracts'
// spec fails when the checked-in files differ from what this writes.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const contracts = require(join(root, 'dist/libs/contracts/src/index.js'));
const { asyncApiText, schemaFileText } = require(join(root, 'dist/libs/contracts/src/docs/asyncapi.js'));
const all = contracts.contractsIn(contracts);
const dir = join(root, 'libs/contracts/schemas');
mkdirSync(dir, { recursive: true });
const files = contracts.renderJsonSchemas(all);
for (const name of readdirSync(dir)) if (!(name in files)) rmSync(join(dir, name));
for (const [name, schema] of Object.entries(files)) writeFileSync(join(dir, name), schemaFileText(schema));
const { version } = require(join(root, 'package.json'));
writeFileSync(join(root, 'libs/contracts/asyncapi.yaml'), asyncApiText(all, version));
console.log(`wrote ${Object.keys(files).length} schemas into ${dir} and libs/contracts/asyncapi.yaml`);
