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
/** A schema as text with its keys sorted, so two copies of the same schema read the same. */
const canonical = (value) =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );

/**
 * The api's document writes a component schema out again wherever a route or another schema uses
 * it (a page's items, a body): each such copy becomes a $ref to the component, so the types name
 * PhoneNumber once instead of repeating its fields in every page and answer. Only objects are
 * matched (a bare string or uuid is no record), and only exact copies: the types stay the same.
 */
function refComponentCopies(document) {
  const schemas = document.components?.schemas ?? {};
  const names = new Map();
  for (const [name, schema] of Object.entries(schemas)) {
    const key = canonical(schema);
    if (schema?.type === 'object' && schema.properties && !names.has(key)) names.set(key, name);
  }
  const within = (node) => {
    if (Array.isArray(node)) return node.map(replace);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replace(v)]));
  };
  const replace = (node) => {
    const name = node && typeof node === 'object' ? names.get(canonical(node)) : undefined;
    return name ? { $ref: `#/components/schemas/${name}` } : within(node);
  };
  // A component itself stays written out (within, not replace); what it holds may point elsewhere.
  const { components = {}, ...rest } = document;
  return {
    ...within(rest),
    components: {
      ...components,
      schemas: Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, within(schema)])),
    },
  };
}

const document = refComponentCopies(await buildOfflineOpenApiDocument());
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
