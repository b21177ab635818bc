// What each service reads from its environment, taken from the code at test time (never copied):
// the zod shape each app exports from its config.ts (`<name>ConfigShape`, which `@apps/<name>`
// re-exports; the module is loaded alone so the test does not boot the app's dependencies),
// the emulator's env schema (read from its source, it is not exported) and any `process.env.X`
// the app's or the libraries' runtime code reads directly.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import type { z } from 'zod';

export const ROOT = join(__dirname, '..', '..');

/** Variables a deployment may set although no config schema names them. */
export const WELL_KNOWN_VARS = [
  /^NODE_ENV$/,
  /^NODE_OPTIONS$/,
  /^NODE_EXTRA_CA_CERTS$/,
  /^TZ$/,
  /^OTEL_[A-Z0-9_]+$/,
];
export const isWellKnown = (name: string): boolean => WELL_KNOWN_VARS.some((pattern) => pattern.test(name));

export interface AppConfig {
  name: string;
  /** Every variable the service reads. */
  known: Set<string>;
  /** Variables with neither a default nor `.optional()`: the service does not start without them. */
  required: Set<string>;
  /** The HTTP port the service listens on by default (health, metrics, its API). */
  port: number;
  /** The path that says the service can take traffic. */
  readyPath: string;
  livePath: string;
  usesDatabase: boolean;
  /** Validates a whole environment the way the service does at start; returns the error or undefined. */
  check(env: Record<string, string | undefined>): string | undefined;
}

/** Every deployable app: a folder under apps/ with src/main.ts (apps/e2e has none). */
export function appNames(): string[] {
  return readdirSync(join(ROOT, 'apps'))
    .filter((name) => existsSync(join(ROOT, 'apps', name, 'src', 'main.ts')))
    .sort();
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry) && !/\.(spec|integration-spec|e2e-spec|d)\.ts$/.test(entry) ? [path] : [];
  });
}

/** Runtime (non-test) sources of an app plus the libraries every app may load. */
export function runtimeSources(app: string): string[] {
  const libs = readdirSync(join(ROOT, 'libs')).filter((lib) => lib !== 'testing');
  return [join(ROOT, 'apps', app, 'src'), ...libs.map((lib) => join(ROOT, 'libs', lib, 'src'))].flatMap(
    sourceFiles,
  );
}

/** `process.env.NAME` and `process.env['NAME']` read directly by runtime code. */
function directEnvReads(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /process\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g,
    )) {
      names.add(match[1] ?? match[2]);
    }
  }
  return names;
}

/** Keys of `const envSchema = z.object({...})` in the emulator's config source. */
export function emulatorEnvKeys(): string[] {
  const file = join(ROOT, 'apps/twilio-emulator/src/config/emulator-config.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  let keys: string[] | undefined;
  const visit = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'envSchema' &&
      node.initializer &&
      ts.isCallExpression(node.initializer)
    ) {
      const [arg] = node.initializer.arguments;
      if (arg && ts.isObjectLiteralExpression(arg)) {
        keys = arg.properties.flatMap((p) =>
          p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? [p.name.text] : [],
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!keys?.length) {
    throw new Error(
      `${relative(ROOT, file)}: no \`const envSchema = z.object({...})\` found; update deploy/test/app-config.ts`,
    );
  }
  return keys;
}

type Shape = Record<string, z.ZodType>;

async function zodApp(name: string): Promise<AppConfig> {
  // The config module alone (what `@apps/<name>` re-exports), without loading the whole app.
  const mod = (await import(join(ROOT, 'apps', name, 'src', 'config'))) as Record<string, unknown>;
  const entry = Object.entries(mod).find(([key]) => /ConfigShape$/.test(key));
  if (!entry) throw new Error(`apps/${name}/src/config.ts exports no *ConfigShape`);
  const shape = entry[1] as Shape;
  const { loadConfig } = await import('@app/config');
  const required = Object.entries(shape)
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([key]) => key);
  const port = shape.PORT?.parse(undefined) as number | undefined;
  if (typeof port !== 'number') throw new Error(`${name}: PORT has no default in its config shape`);
  return {
    name,
    known: new Set([...Object.keys(shape), ...directEnvReads(runtimeSources(name))]),
    required: new Set(required),
    port,
    readyPath: '/health/ready',
    livePath: '/health/live',
    usesDatabase: 'DATABASE_URL' in shape,
    check(env) {
      try {
        loadConfig(shape, env);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}

async function emulatorApp(): Promise<AppConfig> {
  const { loadEmulatorConfig } = (await import(
    join(ROOT, 'apps/twilio-emulator/src/config/emulator-config')
  )) as {
    loadEmulatorConfig(env: Record<string, string | undefined>): { port: number };
  };
  return {
    name: 'twilio-emulator',
    known: new Set([...emulatorEnvKeys(), ...directEnvReads(runtimeSources('twilio-emulator'))]),
    required: new Set(), // every emulator setting has a default
    port: loadEmulatorConfig({}).port,
    readyPath: '/health/live', // the emulator has no dependencies: live is ready
    livePath: '/health/live',
    usesDatabase: false,
    check(env) {
      try {
        loadEmulatorConfig(env);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}

export async function loadAppConfigs(): Promise<Map<string, AppConfig>> {
  const apps = new Map<string, AppConfig>();
  for (const name of appNames())
    apps.set(name, name === 'twilio-emulator' ? await emulatorApp() : await zodApp(name));
  return apps;
}
