// Compiles apps/ and libs/ to dist/ with swc (decorator metadata on, aliases rewritten to
// relative paths), so every service runs with plain `node dist/apps/<name>/src/main.js`, then
// builds the operator console (apps/console, Vite) into dist/apps/api/console, which the api
// serves. Type checking is `npm run typecheck`; this step only transpiles.
import { transformFile } from '@swc/core';
import { buildConsole } from './build-console.mjs';
import { mkdir, readdir, readFile, writeFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const outDir = join(root, 'dist');
const tsconfig = JSON.parse(await readFile(join(root, 'tsconfig.base.json'), 'utf8'));
const swcrc = JSON.parse(await readFile(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // The console is a browser app: Vite builds it (below), not swc.
      if (entry.name !== 'node_modules' && path !== join(root, 'apps', 'console')) yield* sources(path);
    } else if (/\.ts$/.test(entry.name) && !/\.(spec|integration-spec|e2e-spec|d)\.ts$/.test(entry.name)) {
      yield path;
    }
  }
}

// Files are overwritten in place (no wipe first), so a build never pulls dist/ from under a
// process or test that is running from it; `--clean` wipes it first.
if (process.argv.includes('--clean')) await rm(outDir, { recursive: true, force: true });
const jobs = [];
for (const top of ['apps', 'libs']) {
  for await (const file of sources(join(root, top))) {
    jobs.push(
      (async () => {
        const out = await transformFile(file, {
          ...swcrc,
          filename: file,
          swcrc: false,
          jsc: { ...swcrc.jsc, baseUrl: root, paths: tsconfig.compilerOptions.paths },
          sourceMaps: true,
        });
        const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, `${out.code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
        if (out.map) await writeFile(`${target}.map`, out.map);
      })(),
    );
  }
}
await Promise.all(jobs);
console.log(`built ${jobs.length} files into dist/`);
await buildConsole(root);
