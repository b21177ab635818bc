// Builds the operator console (apps/console) with Vite into dist/apps/api/console. Skipped when
// nothing it is built from changed since the last build (a hash of those files is kept beside
// the output), so `npm test` and `npm start` pay for it only after a change.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const TEST_FILE = /\.test\.(ts|tsx)$/;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* files(path);
    } else if (!TEST_FILE.test(entry.name)) {
      yield path;
    }
  }
}

async function inputsHash(root) {
  const hash = createHash('sha256');
  const inputs = [join(root, 'apps', 'console'), join(root, 'libs', 'contracts', 'src')];
  for (const dir of inputs) {
    const paths = [];
    for await (const path of files(dir)) paths.push(path);
    for (const path of paths.sort()) {
      hash
        .update(relative(root, path))
        .update('\0')
        .update(await readFile(path))
        .update('\0');
    }
  }
  hash.update(await readFile(join(root, 'package-lock.json')));
  return hash.digest('hex');
}

export async function buildConsole(root) {
  const outDir = join(root, 'dist', 'apps', 'api', 'console');
  const stampFile = join(outDir, '.inputs-hash');
  const hash = await inputsHash(root);
  const force = process.argv.includes('--clean');
  if (!force && existsSync(join(outDir, 'index.html')) && existsSync(stampFile)) {
    if ((await readFile(stampFile, 'utf8')) === hash) {
      console.log('console unchanged, not rebuilt');
      return;
    }
  }
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(root, 'apps', 'console', 'vite.config.mts'), logLevel: 'warn' });
  await precompress(join(outDir, 'assets'));
  await writeFile(stampFile, hash);
  console.log(
    `built the console into ${relative(root, outDir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** .br and .gz beside each text asset, so the api sends them compressed without compressing per request. */
async function precompress(dir) {
  const brotli = promisify(brotliCompress);
  const gz = promisify(gzip);
  for (const name of await readdir(dir)) {
    if (!/\.(js|css|svg|json)$/.test(name)) continue;
    const content = await readFile(join(dir, name));
    await writeFile(
      join(dir, `${name}.br`),
      await brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    await writeFile(join(dir, `${name}.gz`), await gz(content, { level: 9 }));
  }
}
