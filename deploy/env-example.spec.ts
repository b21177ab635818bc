// `.env.example` is generated from the services' config schemas (read from their code, like the
// compose and Kubernetes checks) plus the variables docker-compose.yml itself asks for; this spec
// fails when a variable is added or removed without regenerating it: `npm run env:example`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, ROOT, loadAppConfigs } from './test/app-config';
import { natsUsers } from './test/compose';

/** The NATS users of auth.conf (`npm run nats:config`): compose's nats-server needs each one's password. */
const NATS_USERS = natsUsers().map((u) => u.user);
const natsPasswordVariable = (user: string) => natsUsers().find((u) => u.user === user)!.passwordVariable;

const FILE = join(ROOT, '.env.example');

/** Variables docker-compose.yml reads from the shell or `.env` that no service schema has. */
const COMPOSE_ONLY: [string, string][] = [
  [
    'POSTGRES_PASSWORD',
    "docker compose: the compose Postgres's password (required there; e.g. `openssl rand -hex 24`)",
  ],
  ['TAG', 'docker compose: the image tag to build and run (dev)'],
  [
    'MINIO_ROOT_PASSWORD',
    "docker compose: MinIO's password, where chats and workflow keep members' files (required there; e.g. `openssl rand -hex 24`)",
  ],
  ...NATS_USERS.map((user): [string, string] => [
    natsPasswordVariable(user),
    `docker compose: the NATS password of user ${user} (nats-server and ${user === 'operator' ? 'nats-box, npm run dlq' : `the ${user} service`}; required; letters, digits, - and _, starting with a letter, e.g. \`echo p$(openssl rand -hex 24)\`)`,
  ]),
];

/** Meanings from the README's Configuration table (`| \`A\`, \`B\` | used by | meaning |`). */
function meanings(): Map<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'));
  const result = new Map<string, string>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 5 || !cells[1].startsWith('`')) continue;
    for (const [, name] of cells[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g))
      result.set(name, cells[3].replace(/`/g, ''));
  }
  return result;
}

function render(apps: AppConfig[]): string {
  const meaning = meanings();
  const names = new Set(apps.flatMap((app) => [...app.known]));
  const lines = [
    '# Every variable the services read, generated from their config schemas: `npm run env:example`',
    '# (deploy/env-example.spec.ts fails when this file and the code disagree).',
    '#',
    '# `npm start` needs none of them (development defaults, embedded Postgres and NATS when nothing',
    '# answers on localhost). `docker compose` reads this file as `.env`: `cp .env.example .env` and',
    '# set POSTGRES_PASSWORD, MINIO_ROOT_PASSWORD, ADMIN_API_KEY and the NATS_PASSWORD_* ones, which have',
    '# no defaults there.',
    '# Meanings: README.md (Configuration) and each service README (apps/<name>/README.md).',
    '',
  ];
  for (const [name, text] of COMPOSE_ONLY)
    lines.push(`# ${text}`, name === 'TAG' ? `# ${name}=dev` : `${name}=`, '');
  for (const name of [...names].sort()) {
    const users = apps.filter((app) => app.known.has(name)).map((app) => app.name);
    const required = apps.filter((app) => app.required.has(name)).map((app) => app.name);
    const defaults = [
      ...new Set(apps.flatMap((app) => (app.defaults.has(name) ? [app.defaults.get(name)] : []))),
    ];
    const notes = [
      `used by ${users.join(', ')}`,
      required.length ? `required by ${required.join(', ')}` : undefined,
      defaults.length === 1 && defaults[0] !== '' ? `default ${String(defaults[0])}` : undefined,
      defaults.length > 1 ? 'default per service' : undefined,
    ].filter(Boolean);
    if (meaning.has(name)) lines.push(`# ${meaning.get(name)}`);
    lines.push(`# (${notes.join('; ')})`);
    lines.push(name === 'ADMIN_API_KEY' ? `${name}=` : `# ${name}=`, '');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

describe('.env.example', () => {
  it('lists every variable the services read, as generated from their config schemas', async () => {
    const expected = render([...(await loadAppConfigs()).values()]);
    if (process.env.UPDATE_ENV_EXAMPLE) writeFileSync(FILE, expected);
    const actual = readFileSync(FILE, 'utf8');
    // On failure: `npm run env:example` rewrites the file from the schemas.
    expect(actual).toBe(expected);
  });

  it('names each secret compose requires, empty, so nothing ships with a default password', () => {
    const text = readFileSync(FILE, 'utf8');
    expect(text).toMatch(/^POSTGRES_PASSWORD=$/m);
    expect(text).toMatch(/^ADMIN_API_KEY=$/m);
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    for (const name of [
      'POSTGRES_PASSWORD',
      'MINIO_ROOT_PASSWORD',
      'ADMIN_API_KEY',
      ...NATS_USERS.map(natsPasswordVariable),
    ]) {
      expect(compose).toContain(`\${${name}:?`);
      expect(text).toMatch(new RegExp(`^${name}=$`, 'm'));
    }
  });
});
