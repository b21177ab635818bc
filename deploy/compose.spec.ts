// docker-compose.yml against the apps' configuration, read from their code now: every app is a
// compose service built from the Dockerfile, gets every variable it requires and none it does not
// read, listens and is health-checked on its configured port, and its env passes its own
// validation. Also: infrastructure, profiles and health-gated start order.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { type AppConfig, ROOT, isWellKnown, loadAppConfigs } from './test/app-config';
import {
  type ComposeService,
  containerPorts,
  dependsOn,
  healthcheckCommand,
  interpolate,
  loadCompose,
  natsUsers,
  serviceEnv,
} from './test/compose';

const compose = loadCompose();
let apps: Map<string, AppConfig>;

beforeAll(async () => {
  apps = await loadAppConfigs();
});

const appList = () => [...apps.values()];

/** The secrets compose requires (no defaults), as `.env` would set them. */
const SECRETS: Record<string, string> = {
  POSTGRES_PASSWORD: 'a-postgres-password',
  MINIO_ROOT_PASSWORD: 'a-minio-password',
  ADMIN_API_KEY: 'an-admin-key-0123456789abcdef',
  ...Object.fromEntries(natsUsers().map((u) => [u.passwordVariable, `p-${u.user}-0123456789`])),
};
/** `docker compose up` with only the required secrets set: the defaults written in the file. */
const NO_SHELL_VARS: Record<string, string> = { ...SECRETS };
/** A service's environment, the required secrets set as in `.env`. */
const envOf = (service: ComposeService, shell: Record<string, string | undefined> = {}) =>
  serviceEnv(service, { ...SECRETS, ...shell });
/** Real Twilio: the documented switch-over. */
const REAL_TWILIO = {
  ...SECRETS,
  TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
  TWILIO_AUTH_TOKEN: 'a-real-looking-auth-token',
  PUBLIC_BASE_URL: 'https://hooks.example.com',
  TWILIO_API_BASE_URL: '',
};

describe('docker-compose.yml', () => {
  it('interpolates like compose does', () => {
    expect(interpolate('${A:-x}/${B-y}/${C}/$$D/${E:-${F:-z}}', { A: '', B: '' })).toBe('x///$D/z');
    expect(interpolate('${A:-x}-${A-y}-${A:+alt}-$A', { A: 'set' })).toBe('set-set-alt-set');
    expect(() => interpolate('${A:?must be set}', {})).toThrow(/A is not set/);
  });

  it('has no default password or operator key: they are required variables', () => {
    for (const name of appList()
      .map((app) => app.name)
      .concat('postgres')) {
      const service = compose.services[name];
      const env = serviceEnv(service, SECRETS);
      for (const [secret, value] of Object.entries(SECRETS)) {
        const uses = Object.values(env).some((v) => v.includes(value));
        if (!uses) continue;
        expect(() => serviceEnv(service, { ...SECRETS, [secret]: '' })).toThrow(
          new RegExp(`${secret} is not set: .*\\.env\\.example`),
        );
      }
    }
    expect(serviceEnv(compose.services.postgres, SECRETS).POSTGRES_PASSWORD).toBe(SECRETS.POSTGRES_PASSWORD);
    expect(serviceEnv(compose.services.api, SECRETS).ADMIN_API_KEY).toBe(SECRETS.ADMIN_API_KEY);
  });

  it('is valid for docker-compose 1.29 (its compose-spec schema): no top-level name, no unknown keys', () => {
    // deploy/test/compose-spec-1.29.json is docker-compose 1.29.2's own schema
    // (compose/config/compose_spec.json, Apache-2.0), which rejects what compose v2 added later.
    const raw = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as Record<
      string,
      unknown
    >;
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    for (const format of ['duration', 'ports', 'expose']) ajv.addFormat(format, true);
    // Its draft-04 style `id` keywords (schema ids, strings) are `$id` to Ajv; drop them.
    const withoutIds = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(withoutIds)
        : node && typeof node === 'object'
          ? Object.fromEntries(
              Object.entries(node)
                .filter(([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'))
                .map(([key, value]) => [key, withoutIds(value)]),
            )
          : node;
    const schema = withoutIds(
      JSON.parse(readFileSync(join(__dirname, 'test', 'compose-spec-1.29.json'), 'utf8')),
    ) as object;
    const validate = ajv.compile(schema);
    expect(raw.name).toBeUndefined();
    validate(raw);
    expect(validate.errors ?? []).toEqual([]);
    // The schema is not everything docker-compose checks: when it is installed, ask it too.
    const which = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
    if (which.status !== 0) return;
    for (const profile of ['', 'dev', 'observability']) {
      const args = [...(profile ? ['--profile', profile] : []), 'config', '-q'];
      expect(() =>
        execFileSync('docker-compose', args, {
          cwd: ROOT,
          env: { ...process.env, ...SECRETS },
          stdio: 'pipe',
        }),
      ).not.toThrow();
    }
  });

  it('publishes Postgres and NATS only in the dev profile, and then only on loopback', () => {
    const infraPorts = ['5432', '4222', '8222'];
    for (const [name, service] of Object.entries(compose.services)) {
      const published = (service.ports ?? []).map(String);
      const infra = published.filter((port) => infraPorts.includes(port.split(':').at(-1)!));
      if (infra.length === 0) continue;
      expect({ name, profiles: service.profiles }).toEqual({ name, profiles: ['dev'] });
      for (const port of infra)
        expect({ name, port }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
    expect(compose.services.postgres.ports ?? []).toEqual([]);
    expect(compose.services.nats.ports ?? []).toEqual([]);
  });

  it('has a service for every app, built from the Dockerfile with APP set to the app', () => {
    for (const app of appList()) {
      const service = compose.services[app.name];
      expect({ app: app.name, defined: service !== undefined }).toEqual({ app: app.name, defined: true });
      expect(service.build?.context ?? '.').toBe('.');
      expect(service.build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
      expect(service.build?.args?.APP).toBe(app.name);
      expect(existsSync(join(ROOT, 'apps', app.name, 'src', 'main.ts'))).toBe(true);
    }
  });

  it('builds no image the apps do not have', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.build)
        expect({ service: name, isApp: apps.has(service.build.args?.APP ?? '') }).toEqual({
          service: name,
          isApp: true,
        });
    }
  });

  it('sets every variable each service requires, non-empty, with nothing set in the shell', () => {
    const problems = appList().flatMap((app) => {
      const env = envOf(compose.services[app.name], NO_SHELL_VARS);
      return [...app.required]
        .filter((key) => !env[key])
        .map((key) => `${app.name}: ${key} is required by its config but not set`);
    });
    expect(problems).toEqual([]);
  });

  it('sets no variable a service does not read (besides well-known ones)', () => {
    const problems = appList().flatMap((app) =>
      Object.keys(envOf(compose.services[app.name]))
        .filter((key) => !app.known.has(key) && !isWellKnown(key))
        .map((key) => `${app.name}: ${key} is set but apps/${app.name} does not read it`),
    );
    expect(problems).toEqual([]);
  });

  it.each([
    ['against the emulator (no variables set)', NO_SHELL_VARS],
    ['against real Twilio', REAL_TWILIO],
  ])('gives every service an environment its own config validation accepts: %s', (_label, shell) => {
    const problems = appList().flatMap((app) => app.check(envOf(compose.services[app.name], shell)) ?? []);
    expect(problems).toEqual([]);
  });

  it('points outbound at the emulator by default and at Twilio when TWILIO_API_BASE_URL is empty', () => {
    expect(envOf(compose.services.outbound).TWILIO_API_BASE_URL).toMatch(/^http:\/\/twilio-emulator:\d+$/);
    expect(envOf(compose.services.outbound, REAL_TWILIO).TWILIO_API_BASE_URL).toBe('');
  });

  it('shares one Twilio account between the emulator, ingress and outbound', () => {
    const pick = (name: string) => {
      const env = envOf(compose.services[name]);
      return [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN];
    };
    expect(pick('ingress')).toEqual(pick('twilio-emulator'));
    expect(pick('outbound')).toEqual(pick('twilio-emulator'));
  });

  it('runs each service on its configured port and health-checks it there; publishes only ingress and api', () => {
    const PUBLISHED = ['ingress', 'api'];
    for (const app of appList()) {
      const service = compose.services[app.name];
      const env = envOf(service);
      expect({ service: app.name, PORT: env.PORT ?? String(app.port) }).toEqual({
        service: app.name,
        PORT: String(app.port),
      });
      expect({ service: app.name, ports: containerPorts(service) }).toEqual({
        service: app.name,
        ports: PUBLISHED.includes(app.name) ? [app.port] : [],
      });
      expect(healthcheckCommand(service)).toContain(`127.0.0.1:${app.port}${app.readyPath}`);
    }
  });

  it('addresses every app by its service name and configured port in URLs', () => {
    const byHost = new Map(appList().map((app) => [app.name, app.port]));
    for (const [name, service] of Object.entries(compose.services)) {
      for (const [key, value] of Object.entries(envOf(service))) {
        for (const match of value.matchAll(/\/\/([a-z0-9-]+):(\d+)/g)) {
          const expected = byHost.get(match[1]);
          if (expected !== undefined)
            expect({ service: name, key, port: Number(match[2]) }).toEqual({
              service: name,
              key,
              port: expected,
            });
        }
      }
    }
  });

  it('starts services only once Postgres and NATS are healthy', () => {
    for (const app of appList()) {
      const deps = dependsOn(compose.services[app.name]);
      if (app.name === 'twilio-emulator') continue; // needs neither
      expect({ service: app.name, nats: deps.nats }).toEqual({ service: app.name, nats: 'service_healthy' });
      if (app.usesDatabase)
        expect({ service: app.name, postgres: deps.postgres }).toEqual({
          service: app.name,
          postgres: 'service_healthy',
        });
      for (const [dep, condition] of Object.entries(deps)) {
        expect(compose.services[dep]?.healthcheck).toBeDefined();
        expect(condition).toBe('service_healthy');
      }
    }
  });

  it('uses the compose Postgres and NATS', () => {
    for (const app of appList()) {
      const env = envOf(compose.services[app.name]);
      if (app.usesDatabase) expect(env.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
      if (app.known.has('NATS_URL')) expect(env.NATS_URL).toBe('nats://nats:4222');
    }
    const pg = compose.services.postgres;
    const pgEnv = envOf(pg);
    const url = new URL(envOf(compose.services.api).DATABASE_URL);
    expect([url.username, decodeURIComponent(url.password), url.pathname.slice(1)]).toEqual([
      pgEnv.POSTGRES_USER,
      pgEnv.POSTGRES_PASSWORD,
      pgEnv.POSTGRES_DB,
    ]);
    expect(pg.volumes?.some((v) => v.endsWith(':/var/lib/postgresql/data'))).toBe(true);
  });

  it('runs NATS with JetStream on a persisted volume, one replica per stream', () => {
    const nats = compose.services.nats;
    const command = Array.isArray(nats.command) ? nats.command : String(nats.command).split(/\s+/);
    const config = natsConfig();
    expect(config.text).toMatch(/^jetstream \{/m);
    const storeDir = /store_dir: (\S+)/.exec(config.text)![1];
    expect(command).toEqual(['--config', config.mountedAt]);
    const volume = nats.volumes?.find((v) => v.endsWith(`:${storeDir}`));
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(volume!.split(':')[0]);
    expect(healthcheckCommand(nats)).toContain('js-enabled-only=true');
    for (const app of appList()) {
      if (app.known.has('NATS_STREAM_REPLICAS'))
        expect(envOf(compose.services[app.name]).NATS_STREAM_REPLICAS).toBe('1');
    }
  });

  it('closes NATS: the generated users and permissions, every service as its own user, passwords required', () => {
    const nats = compose.services.nats;
    const config = natsConfig();
    // The users file mounted beside the config is the generated one, and the config includes it.
    expect(config.text).toMatch(/^include \.\/auth\.conf$/m);
    const authMount = nats.volumes?.find(
      (v) => v.split(':')[1] === config.mountedAt.replace(/nats\.conf$/, 'auth.conf'),
    );
    expect(authMount?.split(':')[0]).toBe('./deploy/k8s/base/nats/auth.conf');
    // nats-server gets every user's password, each required.
    const natsEnv = envOf(nats);
    for (const { passwordVariable } of natsUsers()) {
      expect({ passwordVariable, value: natsEnv[passwordVariable] }).toEqual({
        passwordVariable,
        value: SECRETS[passwordVariable],
      });
      expect(() => serviceEnv(nats, { ...SECRETS, [passwordVariable]: '' })).toThrow(
        /is not set: .*\.env\.example/,
      );
    }
    // Each service connects as itself, with its own password.
    for (const app of appList()) {
      if (!app.known.has('NATS_USER')) continue;
      const env = envOf(compose.services[app.name]);
      const own = natsUsers().find((u) => u.user === app.name);
      expect({ service: app.name, user: env.NATS_USER, password: env.NATS_PASSWORD }).toEqual({
        service: app.name,
        user: app.name,
        password: SECRETS[own!.passwordVariable],
      });
    }
    expect(envOf(compose.services['nats-box'])).toMatchObject({
      NATS_USER: 'operator',
      NATS_PASSWORD: SECRETS.NATS_PASSWORD_OPERATOR,
    });
  });

  it('keeps Postgres and NATS on an internal network; only what calls out or is published is on the edge', () => {
    const networks = (compose as unknown as { networks: Record<string, { internal?: boolean } | null> })
      .networks;
    const internal = Object.entries(networks)
      .filter(([, n]) => n?.internal)
      .map(([name]) => name);
    expect(internal).toEqual(['backend']);
    const on = (name: string) => (compose.services[name] as { networks?: string[] }).networks ?? ['default'];
    expect(on('postgres')).toEqual(['backend']);
    expect(on('nats')).toEqual(['backend']);
    expect(on('preferences')).toEqual(['backend']);
    for (const app of appList())
      expect({ app: app.name, backend: on(app.name).includes('backend') }).toEqual({
        app: app.name,
        backend: true,
      });
    // Published ports only on services that can be reached (not on an internal-only network).
    for (const [name, service] of Object.entries(compose.services))
      if (service.ports?.length)
        expect({ name, edge: on(name).some((n) => !internal.includes(n)) }).toEqual({ name, edge: true });
    // The emulator is reachable from the host only through the dev profile's loopback forward.
    expect(compose.services['twilio-emulator'].ports ?? []).toEqual([]);
    expect(compose.services['dev-ports'].ports).toContain('127.0.0.1:3999:3999');
  });

  it('gives routing the Twilio account, so it assigns only numbers the account has', () => {
    const routing = envOf(compose.services.routing);
    const emulator = envOf(compose.services['twilio-emulator']);
    expect(routing.TWILIO_ACCOUNT_SID).toBe(emulator.TWILIO_ACCOUNT_SID);
    expect(routing.TWILIO_AUTH_TOKEN).toBe(emulator.TWILIO_AUTH_TOKEN);
    expect(routing.TWILIO_API_BASE_URL).toBe('http://twilio-emulator:3999');
    expect(envOf(compose.services.routing, REAL_TWILIO).TWILIO_ACCOUNT_SID).toBe(
      REAL_TWILIO.TWILIO_ACCOUNT_SID,
    );
  });

  it('passes `docker-compose config` when the binary is present', () => {
    const binary = ['docker-compose'].find((b) => spawnSync(b, ['version']).status === 0);
    if (!binary) return; // not installed here: the schema check above stands in
    const env = { ...process.env, ...SECRETS };
    const result = spawnSync(binary, ['-f', join(ROOT, 'docker-compose.yml'), 'config', '-q'], {
      env,
      encoding: 'utf8',
    });
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('needs no profile for a working system; dev and observability profiles add tools', () => {
    const unprofiled = Object.entries(compose.services)
      .filter(([, service]) => !service.profiles?.length)
      .map(([name]) => name);
    expect(unprofiled.sort()).toEqual(
      [...appList().map((app) => app.name), 'minio', 'nats', 'postgres'].sort(),
    );
    for (const name of unprofiled)
      expect({ name, healthcheck: Boolean(compose.services[name].healthcheck?.test) }).toEqual({
        name,
        healthcheck: true,
      });
    expect(compose.services['otel-collector'].profiles).toEqual(['observability']);
    expect(compose.services.jaeger.profiles).toEqual(['observability']);
    expect(Object.values(compose.services).some((service) => service.profiles?.includes('dev'))).toBe(true);
  });

  it('sends traces, when asked, through the collector to Jaeger', () => {
    const mount = compose.services['otel-collector'].volumes?.find((v) => v.startsWith('./deploy/'));
    expect(mount).toBeDefined();
    const config = parse(readFileSync(join(ROOT, mount!.split(':')[0]), 'utf8')) as {
      receivers: { otlp: { protocols: { http: { endpoint: string } } } };
      exporters: Record<string, { endpoint: string }>;
      service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } };
    };
    const httpPort = config.receivers.otlp.protocols.http.endpoint.split(':').pop();
    expect(containerPorts(compose.services['otel-collector'])).toContain(Number(httpPort));
    expect(config.service.pipelines.traces.receivers).toContain('otlp');
    const exporter = config.exporters[config.service.pipelines.traces.exporters[0]];
    expect(exporter.endpoint).toMatch(/^jaeger:4317$/);
    // The services export only when OTEL_EXPORTER_OTLP_ENDPOINT is set; the documented value works:
    for (const app of appList()) {
      if (!app.known.has('OTEL_EXPORTER_OTLP_ENDPOINT')) continue;
      const env = envOf(compose.services[app.name], {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://otel-collector:${httpPort}`,
      });
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(`http://otel-collector:${httpPort}`);
      expect(app.check(env)).toBeUndefined();
    }
  });
});

/** compose's nats-server config file: its text and where the container sees it. */
function natsConfig(): { text: string; mountedAt: string } {
  const mount = compose.services.nats.volumes!.find((v) => v.endsWith(':/etc/nats/nats.conf:ro'))!;
  return { text: readFileSync(join(ROOT, mount.split(':')[0]), 'utf8'), mountedAt: '/etc/nats/nats.conf' };
}
