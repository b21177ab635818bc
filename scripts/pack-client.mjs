// `npm pack` in libs/client runs this (prepack): builds, then lays the compiled client with the
// contracts and rules it uses, and their type declarations, under libs/client/dist/libs/ (the
// same relative layout swc's build gives them, so the compiled requires resolve inside the package).
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'libs/client/dist');
const libs = ['client', 'contracts', 'rules'];
execFileSync('node', [join(root, 'scripts/build.mjs')], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
rmSync(out, { recursive: true, force: true });
for (const lib of libs) cpSync(join(root, 'dist/libs', lib), join(out, 'libs', lib), { recursive: true });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'libs/client/tsconfig.pack.json')], {
  cwd: root,
  stdio: 'inherit',
});
// Keep the declarations of the three libraries beside their JavaScript, with aliases made relative.
const walk = (dir) =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );
for (const lib of libs)
  for (const file of walk(join(out, 'types/libs', lib)).filter((f) => f.endsWith('.d.ts'))) {
    const target = join(out, relative(join(out, 'types'), file));
    const text = readFileSync(file, 'utf8').replace(/(['"])@app\/(\w+)\1/g, (_, q, name) => {
      const to = relative(dirname(target), join(out, 'libs', name, 'src/index'));
      return `${q}${to.startsWith('.') ? to : `./${to}`}${q}`;
    });
    writeFileSync(target, text);
  }
rmSync(join(out, 'types'), { recursive: true, force: true });
console.log(`packed the client into ${out}`);
