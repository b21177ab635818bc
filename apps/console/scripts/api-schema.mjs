// Generates the console's API types (src/api/schema.gen.ts) from the api's OpenAPI document,
// built offline from the compiled api (run `node scripts/build.mjs` first).
//   node apps/console/scripts/api-schema.mjs           write the file
//   node apps/console/scripts/api-schema.mjs --check   exit 1 if the committed file is stale
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const target = join(here, '..', 'src', 'api', 'schema.gen.ts');
const require = createRequire(import.meta.url);

const { buildOfflineOpenApiDocument } = require(
  join(root, 'dist', 'apps', 'api', 'src', 'docs', 'openapi-offline.js'),
);
const document = await buildOfflineOpenApiDocument();
const ast = await openapiTS(document, { alphabetize: true, exportType: true });
const header =
  "// Generated from the api's OpenAPI document by apps/console/scripts/api-schema.mjs: do not edit.\n";
const source = await format(header + astToString(ast), {
  ...(await resolveConfig(target)),
  filepath: target,
});

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== source) {
    console.error(
      `${relative(root, target)} is out of date with the api's OpenAPI document: run \`npm run console:api-schema\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${relative(root, target)} matches the api's OpenAPI document`);
} else {
  await writeFile(target, source);
  console.log(`wrote ${relative(root, target)}`);
}
process.exit(0);
