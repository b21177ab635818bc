// What each service reads from its environment, taken from the code at test time (never copied):
// the zod shape and the loader each app exports from its config.ts (`<name>ConfigShape`,
// `load<Name>Config`; the module is loaded alone so the test does not boot the app's
// dependencies) and any `process.env.X` the app's or the libraries' runtime code reads directly.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  /** Each schema variable's default, as the service sees it when the variable is unset. */
  defaults: Map<string, unknown>;
  /** Validates a whole environment the way the service does at start; returns the error or undefined. */
  check(env: Record<string, string | undefined>): string | undefined;
}

/**
 * Every deployable app: a folder under apps/ with src/main.ts (apps/e2e has none), except those
 * tagged `deploy:none` that no container runs (the CLI; apps/all-in-one, `npm start`'s one process).
 */
export function appNames(): string[] {
  return readdirSync(join(ROOT, 'apps'))
    .filter((name) => existsSync(join(ROOT, 'apps', name, 'src', 'main.ts')))
    .filter((name) => !projectTags(name).includes('deploy:none'))
    .sort();
}

function projectTags(app: string): string[] {
  const file = join(ROOT, 'apps', app, 'project.json');
  return existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { tags?: string[] }).tags ?? []) : [];
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

type Shape = Record<string, z.ZodType>;

async function appConfig(name: string): Promise<AppConfig> {
  // The config module alone (what `@apps/<name>` re-exports), without loading the whole app.
  const mod = (await import(join(ROOT, 'apps', name, 'src', 'config'))) as Record<string, unknown>;
  const shape = Object.entries(mod).find(([key]) => /ConfigShape$/.test(key))?.[1] as Shape | undefined;
  const load = Object.entries(mod).find(([key]) => /^load\w*Config$/.test(key))?.[1] as
    ((env: Record<string, string | undefined>) => unknown) | undefined;
  if (!shape || !load) throw new Error(`apps/${name}/src/config.ts exports no *ConfigShape or load*Config`);
  const required = Object.entries(shape)
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([key]) => key);
  const port = shape.PORT?.parse(undefined) as number | undefined;
  if (typeof port !== 'number') throw new Error(`${name}: PORT has no default in its config shape`);
  // The emulator has no dependencies: once it is live it is ready.
  const readyPath = name === 'twilio-emulator' ? '/health/live' : '/health/ready';
  return {
    name,
    known: new Set([...Object.keys(shape), ...directEnvReads(runtimeSources(name))]),
    required: new Set(required),
    port,
    readyPath,
    livePath: '/health/live',
    usesDatabase: 'DATABASE_URL' in shape,
    defaults: new Map(
      Object.entries(shape).flatMap(([key, schema]) => {
        const parsed = schema.safeParse(undefined);
        return parsed.success && parsed.data !== undefined ? [[key, parsed.data] as const] : [];
      }),
    ),
    check(env) {
      try {
        load(env);
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    },
  };
}

export async function loadAppConfigs(): Promise<Map<string, AppConfig>> {
  const apps = new Map<string, AppConfig>();
  for (const name of appNames()) apps.set(name, await appConfig(name));
  return apps;
}
