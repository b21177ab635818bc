// The Dockerfile and .dockerignore, checked without a Docker engine: the build context holds
// what the build needs and nothing else (no node_modules, dist, .git, tests), the runtime stage
// takes only one app's output and production dependencies and runs unprivileged, and every
// package the runtime code loads is a production dependency (so `npm ci --omit=dev` suffices).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { ROOT, appNames, runtimeSources } from './test/app-config';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

/** Docker's .dockerignore rule: the last pattern matching the path or one of its parents wins. */
function excluded(path: string): boolean {
  const toRegex = (pattern: string) =>
    new RegExp(
      `^${pattern
        .replace(/\/+$/, '')
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\/?/g, '%%GLOBSTAR%%')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')
        .replace(/%%GLOBSTAR%%/g, '(.*/)?')}$`,
    );
  const parts = path.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let result = false;
  for (const line of ignore) {
    const negated = line.startsWith('!');
    const regex = toRegex(negated ? line.slice(1) : line);
    if (candidates.some((candidate) => regex.test(candidate))) result = !negated;
  }
  return result;
}

interface Stage {
  name: string;
  from: string;
  lines: string[];
}

function stages(): Stage[] {
  const result: Stage[] = [];
  for (const raw of dockerfile.replace(/\\\n/g, ' ').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) result.push({ name: from[2] ?? String(result.length), from: from[1], lines: [] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

describe('.dockerignore', () => {
  it.each([
    'node_modules/nx/package.json',
    'dist/apps/routing/src/main.js',
    '.git/HEAD',
    '.nx/cache',
    'tmp/x',
    '.env',
    'coverage/x',
  ])('keeps %s out of the build context', (path) => expect(excluded(path)).toBe(true));

  it.each([
    'apps/routing/src/config.spec.ts',
    'apps/twilio-emulator/src/messages-api.integration-spec.ts',
    'apps/e2e/src/system.ts',
    'libs/testing/src/index.ts',
    'deploy/k8s/base/kustomization.yaml',
    'docker-compose.yml',
  ])('keeps tests and other non-build files out: %s', (path) => expect(excluded(path)).toBe(true));

  it('lets in everything the Dockerfile copies and every runtime source of every app', () => {
    const copied = stages()
      .flatMap((stage) => stage.lines)
      .filter((line) => /^COPY\s/i.test(line) && !/--from=/.test(line))
      .flatMap((line) =>
        line
          .split(/\s+/)
          .slice(1, -1)
          .filter((arg) => !arg.startsWith('--')),
      );
    expect(copied.length).toBeGreaterThan(3);
    const sources = appNames()
      .flatMap((app) => runtimeSources(app))
      .map((file) => relative(ROOT, file));
    const needed = [...new Set([...copied, ...sources])];
    expect(needed.filter((path) => excluded(path))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const all = stages();
  const runtime = all.at(-1)!;

  it('is multi-stage, one parametrised runtime stage for every app', () => {
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(runtime.lines).toContain('ARG APP');
    expect(runtime.lines.join('\n')).toMatch(/test -n "\$APP"/);
  });

  it('builds on Node 24 (LTS) while the code keeps running on Node 20.19+', () => {
    const image = /ARG NODE_IMAGE=(\S+)/.exec(dockerfile)?.[1] ?? '';
    expect(image).toMatch(/^node:24[-.]/);
    const engines = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }
    ).engines.node;
    expect(engines).toMatch(/>=20/);
  });

  it('puts only that app, the libs and production dependencies into the runtime stage', () => {
    const copies = runtime.lines.filter((line) => /^COPY\s/i.test(line));
    expect(copies.every((line) => /--from=/.test(line))).toBe(true); // nothing straight from the context
    const sources = copies.map((line) => line.split(/\s+/).filter((arg) => !arg.startsWith('--'))[1]);
    expect(sources.sort()).toEqual(
      [
        '/app/node_modules',
        '/app/package.json',
        '/src/dist/apps/${APP}',
        '/src/dist/libs',
        '/src/scripts/healthcheck.cjs',
      ].sort(),
    );
    const depsStage = all.find((stage) =>
      copies.some((line) => line.includes(`--from=${stage.name} /app/node_modules`)),
    )!;
    expect(depsStage.lines.join('\n')).toMatch(/npm ci --omit=dev/);
    const buildStage = all.find((stage) => /node scripts\/build\.mjs/.test(stage.lines.join('\n')))!;
    expect(buildStage.lines.join('\n')).toMatch(/-name '\*\.map' -delete/);
  });

  it('has a HEALTHCHECK that asks the service itself whether it is ready', () => {
    const line = runtime.lines.find((l) => /^HEALTHCHECK\s/i.test(l));
    expect(line).toMatch(/CMD \["node", "\/app\/healthcheck\.cjs"\]$/);
    const script = readFileSync(join(ROOT, 'scripts', 'healthcheck.cjs'), 'utf8');
    expect(script).toContain('/health/ready');
    expect(script).toContain('process.env.PORT');
    expect(excluded('scripts/healthcheck.cjs')).toBe(false);
  });

  it('runs as an unprivileged numeric user, so Kubernetes can verify runAsNonRoot', () => {
    const user = runtime.lines.find((line) => /^USER\s/i.test(line));
    expect(user).toMatch(/^USER\s+[1-9]\d*(:\d+)?$/);
  });

  it('starts the app through a fixed entry point that passes arguments (`migrate`) on', () => {
    expect(runtime.lines).toContain('ENTRYPOINT ["node", "/app/main.js"]');
    expect(runtime.lines.join('\n')).toContain(
      `printf "require('./dist/apps/%s/src/main.js');\\n" "$APP" > main.js`,
    );
    for (const app of appNames())
      expect(readFileSync(join(ROOT, 'apps', app, 'src', 'main.ts'), 'utf8')).toBeTruthy();
  });

  it('needs no dev dependency at runtime: every package the apps and libs load is a production dependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const builtins = new Set(builtinModules);
    const problems = new Set<string>();
    for (const app of appNames()) {
      for (const file of runtimeSources(app)) {
        const text = readFileSync(file, 'utf8');
        const specifiers = [
          ...[...text.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map(
            (m) => m[1],
          ),
          ...[...text.matchAll(/^\s*export\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]),
          ...[...text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]),
        ];
        for (const spec of specifiers) {
          if (spec.startsWith('.') || spec.startsWith('node:') || /^@apps?\//.test(spec)) continue;
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
          if (builtins.has(name) || pkg.dependencies[name]) continue;
          problems.add(`${relative(ROOT, file)} loads ${name}, which is not in package.json "dependencies"`);
        }
      }
    }
    expect([...problems]).toEqual([]);
  });
});
