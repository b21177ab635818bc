// Reads docker-compose.yml the way `docker compose` does for what the tests need: YAML merge
// keys (`<<: *anchor`) and `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$$` interpolation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './app-config';

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number)[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  profiles?: string[];
  volumes?: string[];
  command?: string[] | string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Compose interpolation of one string against `vars` (unset variables become ''). */
export function interpolate(text: string, vars: Record<string, string | undefined>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '$') {
      out += c;
      i += 1;
    } else if (text[i + 1] === '$') {
      out += '$';
      i += 2;
    } else if (text[i + 1] === '{') {
      // Find the matching brace (defaults may nest: ${A:-${B}}).
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j += 1) {
        if (text[j] === '{') depth += 1;
        else if (text[j] === '}' && (depth -= 1) === 0) break;
      }
      if (j >= text.length) throw new Error(`compose: unclosed \${ in "${text}"`);
      const body = text.slice(i + 2, j);
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([\s\S]*))?$/.exec(body);
      if (!match) throw new Error(`compose: bad interpolation "\${${body}}"`);
      const [, name, colon, op, arg = ''] = match;
      const value = vars[name];
      const missing = colon ? value === undefined || value === '' : value === undefined;
      if (op === '-') out += missing ? interpolate(arg, vars) : value;
      else if (op === '+') out += missing ? '' : interpolate(arg, vars);
      else if (op === '?') {
        if (missing) throw new Error(`compose: required variable ${name} is not set: ${arg}`);
        out += value;
      } else out += value ?? '';
      i = j + 1;
    } else {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1));
      out += match ? (vars[match[0]] ?? '') : '$';
      i += 1 + (match ? match[0].length : 0);
    }
  }
  return out;
}

export function loadCompose(): ComposeFile {
  return parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
}

/** A service's environment as the container would see it, given the shell's variables. */
export function serviceEnv(
  service: ComposeService,
  shell: Record<string, string | undefined> = {},
): Record<string, string> {
  const raw = service.environment ?? {};
  const pairs: [string, string][] = Array.isArray(raw)
    ? raw.map((line) => {
        const [key, ...rest] = line.split('=');
        return [key, rest.join('=')];
      })
    : Object.entries(raw).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(pairs.map(([key, value]) => [key, interpolate(value, shell)]));
}

/** Container ports a service publishes ("host:container", "container", "ip:host:container/proto"). */
export function containerPorts(service: ComposeService): number[] {
  return (service.ports ?? []).map((entry) => {
    const spec = String(entry).split('/')[0];
    return Number(spec.split(':').pop());
  });
}

export function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test;
  return Array.isArray(test) ? test.join(' ') : (test ?? '');
}

export function dependsOn(service: ComposeService): Record<string, string | undefined> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([name, dep]) => [name, dep?.condition]));
}

/** The NATS users of the generated auth.conf (`npm run nats:config`) and their password variables. */
export function natsUsers(): Array<{ user: string; passwordVariable: string }> {
  const conf = readFileSync(join(ROOT, 'deploy/k8s/base/nats/auth.conf'), 'utf8');
  return [...conf.matchAll(/user: "([^"]+)"\s+password: \$([A-Z0-9_]+)/g)].map(
    ([, user, passwordVariable]) => ({
      user,
      passwordVariable,
    }),
  );
}
