// The Kubernetes manifests, rendered by the real Kustomize and checked without a cluster:
// every object against the Kubernetes schemas (types, enums, formats, required fields, unknown
// fields), then against the apps' configuration read from their code now (env, secret keys,
// ports, probe paths), then the operational shape (HPA, PDB, NATS cluster, Ingress, limits).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, appNames, isWellKnown, loadAppConfigs } from './test/app-config';
import {
  K8S_DIR,
  type K8sObject,
  kustomizeCommand,
  render,
  renderWithExampleSecrets,
  schemaProblems,
  unknownFieldProblems,
} from './test/kubernetes';

type Any = any;

const AUTOSCALED = ['ingress', 'workflow', 'outbound'];
const PUBLIC = { ingress: '/twilio', api: '/v1' } as const;

interface Rendered {
  name: string;
  objects: K8sObject[];
  /** Apps this overlay deploys. */
  apps: string[];
}

let apps: Map<string, AppConfig>;
const overlays: Rendered[] = [];

beforeAll(async () => {
  apps = await loadAppConfigs();
  const all = appNames();
  overlays.push({ name: 'dev', objects: render(join(K8S_DIR, 'overlays', 'dev')), apps: all });
  overlays.push({
    name: 'production',
    objects: renderWithExampleSecrets('production'),
    apps: all.filter((name) => name !== 'twilio-emulator'),
  });
}, 120_000);

const find = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const ofKind = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
const podSpec = (workload: K8sObject): Any => workload.spec.template.spec;
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  Boolean(selector) && Object.entries(selector!).every(([k, v]) => labels?.[k] === v);

/** Secret values as the API server decodes them (base64, line breaks ignored). */
function secretValue(secret: K8sObject, key: string): string | undefined {
  if (secret.stringData?.[key] !== undefined) return String(secret.stringData[key]);
  const data = secret.data?.[key] as string | undefined;
  return data === undefined ? undefined : Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf8');
}

/** A container's environment as the kubelet would build it; problems for references that do not resolve. */
function containerEnv(
  objects: K8sObject[],
  container: Any,
): { env: Record<string, string>; names: string[]; problems: string[] } {
  const env: Record<string, string> = {};
  const names: string[] = [];
  const problems: string[] = [];
  for (const item of (container.env ?? []) as Any[]) {
    names.push(item.name);
    if (item.value !== undefined) env[item.name] = String(item.value);
    const ref = item.valueFrom?.configMapKeyRef ?? item.valueFrom?.secretKeyRef;
    if (!ref) continue;
    const kind = item.valueFrom.configMapKeyRef ? 'ConfigMap' : 'Secret';
    const source = find(objects, kind, ref.name);
    const value = !source
      ? undefined
      : kind === 'ConfigMap'
        ? (source.data?.[ref.key] as string | undefined)
        : secretValue(source, ref.key);
    if (value !== undefined) env[item.name] = value;
    else if (!ref.optional)
      problems.push(
        `${container.name}: ${item.name} refers to ${kind} ${ref.name} key ${ref.key}, which ${source ? 'lacks the key' : 'is not rendered'}`,
      );
  }
  if (container.envFrom?.length)
    problems.push(
      `${container.name}: envFrom hands over every key; list the variables the service reads instead`,
    );
  return { env, names, problems };
}

function probePort(container: Any, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  return (container.ports as Any[] | undefined)?.find((p) => p.name === port)?.containerPort as
    number | undefined;
}

describe('Kubernetes manifests (Kustomize)', () => {
  it('are rendered by a real kustomize', () => {
    expect(kustomizeCommand().version).toMatch(/v\d+\./);
    for (const overlay of overlays) expect(overlay.objects.length).toBeGreaterThan(20);
  });

  it('render the base on its own too', () => {
    const objects = render(join(K8S_DIR, 'base'));
    expect(ofKind(objects, 'Deployment').length).toBeGreaterThan(0);
  });

  it.each(['dev', 'production'])('%s: every object is valid against the Kubernetes schemas', async (name) => {
    const { objects } = overlays.find((o) => o.name === name)!;
    // The API server decodes Secret data ignoring line breaks; kustomize wraps long values.
    const normalised = objects.map((o) =>
      o.kind === 'Secret' && o.data
        ? {
            ...o,
            data: Object.fromEntries(
              Object.entries(o.data as Record<string, string>).map(([k, v]) => [k, v.replace(/\s+/g, '')]),
            ),
          }
        : o,
    );
    const problems = (await Promise.all(normalised.map(schemaProblems))).filter(Boolean);
    expect(problems).toEqual([]);
  });

  it.each(['dev', 'production'])('%s: no object has a field its schema does not know', (name) => {
    const { objects } = overlays.find((o) => o.name === name)!;
    expect(unknownFieldProblems(objects)).toEqual([]);
  });

  it('catches a wrong type and an unknown field (the checks work)', async () => {
    const deployment = structuredClone(ofKind(overlays[0].objects, 'Deployment')[0]);
    deployment.spec.replicas = 'two';
    expect(await schemaProblems(deployment)).toMatch(/replicas must be integer/);
    const typo = structuredClone(ofKind(overlays[0].objects, 'Deployment')[0]);
    podSpec(typo).containers[0].readinessprobe = podSpec(typo).containers[0].readinessProbe;
    expect(unknownFieldProblems([typo]).join('\n')).toMatch(/readinessprobe/);
    // Custom resources (Gateway API, Prometheus Operator) too.
    const route = structuredClone(ofKind(overlays[0].objects, 'HTTPRoute')[0]);
    route.spec.rules[0].backendRefs[0].port = 'http';
    expect(await schemaProblems(route)).toMatch(/port must be integer/);
  });

  describe.each(['dev', 'production'])('%s overlay against the apps', (overlayName) => {
    const overlay = () => overlays.find((o) => o.name === overlayName)!;
    const deployed = () => overlay().apps.map((name) => apps.get(name)!);

    /** Every deployed app's Deployment and its one container. */
    const workloads = () =>
      deployed().map((app) => {
        const deployment = find(overlay().objects, 'Deployment', app.name);
        if (!deployment) throw new Error(`${overlayName}: no Deployment ${app.name}`);
        const containers = podSpec(deployment).containers as Any[];
        return { app, deployment, container: containers.find((c) => c.name === app.name) ?? containers[0] };
      });

    it('deploys every app, and only apps, as a Deployment with a Service', () => {
      const names = ofKind(overlay().objects, 'Deployment')
        .map((d) => d.metadata.name)
        .sort();
      expect(names).toEqual([...overlay().apps].sort());
      for (const { app, deployment } of workloads()) {
        const service = find(overlay().objects, 'Service', app.name);
        expect({ app: app.name, service: Boolean(service) }).toEqual({ app: app.name, service: true });
        expect(selects(service!.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
        expect(selects(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(
          true,
        );
      }
    });

    it('sets every variable each service requires, and the secret and config keys resolve', () => {
      const problems = workloads().flatMap(({ app, container }) => {
        const { env, problems: refs } = containerEnv(overlay().objects, container);
        const missing = [...app.required]
          .filter((key) => !env[key])
          .map((key) => `${app.name}: ${key} is required by its config but not set`);
        return [...refs.map((p) => `${app.name}: ${p}`), ...missing];
      });
      expect(problems).toEqual([]);
    });

    it('sets no variable a service does not read (besides well-known ones)', () => {
      const problems = workloads().flatMap(({ app, container }) =>
        containerEnv(overlay().objects, container)
          .names.filter((key) => !app.known.has(key) && !isWellKnown(key) && key !== 'POD_NAME')
          .map((key) => `${app.name}: ${key} is set but apps/${app.name} does not read it`),
      );
      expect(problems).toEqual([]);
    });

    it('gives every service an environment its own config validation accepts', () => {
      const problems = workloads().flatMap(
        ({ app, container }) => app.check(containerEnv(overlay().objects, container).env) ?? [],
      );
      expect(problems).toEqual([]);
    });

    it('listens, is served and is probed on the configured port and health paths', () => {
      for (const { app, container } of workloads()) {
        const { env } = containerEnv(overlay().objects, container);
        const http = (container.ports as Any[]).find((p) => p.name === 'http');
        expect({
          app: app.name,
          containerPort: http?.containerPort,
          PORT: env.PORT ?? String(app.port),
        }).toEqual({
          app: app.name,
          containerPort: app.port,
          PORT: String(app.port),
        });
        for (const [probe, path] of [
          ['readinessProbe', app.readyPath],
          ['livenessProbe', app.livePath],
        ] as const) {
          const get = container[probe]?.httpGet;
          expect({ app: app.name, probe, path: get?.path, port: probePort(container, get?.port) }).toEqual({
            app: app.name,
            probe,
            path,
            port: app.port,
          });
        }
        const service = find(overlay().objects, 'Service', app.name)!;
        const port = (service.spec.ports as Any[])[0];
        expect({ app: app.name, port: port.port, target: probePort(container, port.targetPort) }).toEqual({
          app: app.name,
          port: app.port,
          target: app.port,
        });
      }
    });

    it('addresses every app by its Service name and port in URLs', () => {
      const problems: string[] = [];
      for (const { app, container } of workloads()) {
        for (const [key, value] of Object.entries(containerEnv(overlay().objects, container).env)) {
          for (const match of value.matchAll(/\/\/([a-z0-9-]+):(\d+)/g)) {
            const target = apps.get(match[1]);
            if (target && Number(match[2]) !== target.port)
              problems.push(
                `${app.name}: ${key} uses port ${match[2]} for ${match[1]} (listens on ${target.port})`,
              );
            const service = find(overlay().objects, 'Service', match[1]);
            if (!service) problems.push(`${app.name}: ${key} names ${match[1]}, which is not a Service here`);
            else if (!(service.spec.ports as Any[]).some((p) => p.port === Number(match[2])))
              problems.push(`${app.name}: ${key}: Service ${match[1]} has no port ${match[2]}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('runs every container unprivileged, with requests and limits', () => {
      const workloadsAll = [
        ...ofKind(overlay().objects, 'Deployment'),
        ...ofKind(overlay().objects, 'StatefulSet'),
      ];
      for (const workload of workloadsAll) {
        const spec = podSpec(workload);
        expect({ name: workload.metadata.name, nonRoot: spec.securityContext?.runAsNonRoot }).toEqual({
          name: workload.metadata.name,
          nonRoot: true,
        });
        for (const c of spec.containers as Any[]) {
          const r = c.resources ?? {};
          expect({
            c: c.name,
            req: [r.requests?.cpu, r.requests?.memory].every(Boolean),
            lim: [r.limits?.cpu, r.limits?.memory].every(Boolean),
          }).toEqual({
            c: c.name,
            req: true,
            lim: true,
          });
          expect(c.securityContext).toMatchObject({
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
          });
          expect(c.livenessProbe && c.readinessProbe).toBeTruthy();
        }
      }
    });

    it('autoscales ingress, workflow and outbound, and leaves their replicas to the HPA', () => {
      const hpas = ofKind(overlay().objects, 'HorizontalPodAutoscaler');
      for (const name of AUTOSCALED) {
        const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === name);
        expect({ name, hpa: Boolean(hpa) }).toEqual({ name, hpa: true });
        expect(hpa!.spec.scaleTargetRef).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment' });
        expect(hpa!.spec.maxReplicas).toBeGreaterThan(hpa!.spec.minReplicas ?? 1);
        expect(find(overlay().objects, 'Deployment', name)!.spec.replicas).toBeUndefined();
      }
      for (const hpa of hpas)
        expect(find(overlay().objects, 'Deployment', hpa.spec.scaleTargetRef.name)).toBeDefined();
    });

    it('has a PodDisruptionBudget for every workload, and each selects pods', () => {
      const pdbs = ofKind(overlay().objects, 'PodDisruptionBudget');
      for (const workload of [
        ...ofKind(overlay().objects, 'Deployment'),
        ...ofKind(overlay().objects, 'StatefulSet'),
      ]) {
        const labels = workload.spec.template.metadata.labels;
        const covering = pdbs.filter((pdb) => selects(pdb.spec.selector.matchLabels, labels));
        expect({ workload: workload.metadata.name, pdbs: covering.length }).toEqual({
          workload: workload.metadata.name,
          pdbs: 1,
        });
      }
    });

    it('runs NATS as a 3-node JetStream cluster and creates streams with 3 replicas', () => {
      const nats = ofKind(overlay().objects, 'StatefulSet').find((s) => s.metadata.name === 'nats')!;
      expect(nats.spec.replicas).toBe(3);
      expect(nats.spec.volumeClaimTemplates?.length).toBe(1);
      const configMap = ofKind(overlay().objects, 'ConfigMap').find((c) =>
        (podSpec(nats).volumes as Any[]).some((v) => v.configMap?.name === c.metadata.name),
      )!;
      const conf = String(configMap.data['nats.conf']);
      expect(conf).toMatch(/jetstream\s*\{[^}]*store_dir:\s*\/data/);
      const routes = [...conf.matchAll(/nats:\/\/([a-z0-9-]+)-(\d+)\.([a-z0-9-]+):6222/g)];
      expect(routes.map((r) => Number(r[2]))).toEqual([0, 1, 2]);
      for (const r of routes) expect([r[1], r[3]]).toEqual([nats.metadata.name, nats.spec.serviceName]);
      expect(find(overlay().objects, 'Service', nats.spec.serviceName)?.spec.clusterIP).toBe('None');
      const pdb = ofKind(overlay().objects, 'PodDisruptionBudget').find((p) =>
        selects(p.spec.selector.matchLabels, nats.spec.template.metadata.labels),
      )!;
      expect(pdb.spec.maxUnavailable).toBe(1);
      for (const { app, container } of workloads()) {
        if (!app.known.has('NATS_STREAM_REPLICAS')) continue;
        const { env } = containerEnv(overlay().objects, container);
        expect({ app: app.name, replicas: env.NATS_STREAM_REPLICAS }).toEqual({
          app: app.name,
          replicas: String(nats.spec.replicas),
        });
        const url = new URL(env.NATS_URL.split(',')[0]);
        const service = find(overlay().objects, 'Service', url.hostname)!;
        expect(selects(service.spec.selector, nats.spec.template.metadata.labels)).toBe(true);
        expect((service.spec.ports as Any[]).map((p) => Number(p.port))).toContain(Number(url.port));
      }
    });

    it('closes NATS: the generated auth.conf is mounted and included, every service is its own user with its password from its own Secret', () => {
      const objects = overlay().objects;
      const nats = ofKind(objects, 'StatefulSet').find((s) => s.metadata.name === 'nats')!;
      const configMap = ofKind(objects, 'ConfigMap').find((c) =>
        (podSpec(nats).volumes as Any[]).some((v) => v.configMap?.name === c.metadata.name),
      )!;
      const generated = readFileSync(join(K8S_DIR, 'base', 'nats', 'auth.conf'), 'utf8');
      expect(configMap.data['auth.conf']).toBe(generated);
      expect(String(configMap.data['nats.conf'])).toMatch(/^include \.\/auth\.conf$/m);
      const users = [...generated.matchAll(/user: "([^"]+)"\s+password: \$([A-Z0-9_]+)/g)].map(
        ([, user, variable]) => ({
          user,
          variable,
        }),
      );
      expect(users.map((u) => u.user)).toEqual(
        expect.arrayContaining([
          ...deployed()
            .filter((a) => a.known.has('NATS_USER'))
            .map((a) => a.name),
          'operator',
        ]),
      );
      const natsContainer = (podSpec(nats).containers as Any[])[0];
      const natsEnv = containerEnv(objects, natsContainer);
      expect(natsEnv.problems).toEqual([]);
      const secretOf = (container: Any, name: string) =>
        ((container.env ?? []) as Any[]).find((e) => e.name === name)?.valueFrom?.secretKeyRef?.name as
          string | undefined;
      for (const { user, variable } of users) {
        expect({ user, password: Boolean(natsEnv.env[variable]) }).toEqual({ user, password: true });
      }
      const secretsUsed = new Set<string>();
      for (const { app, container } of workloads()) {
        if (!app.known.has('NATS_USER')) continue;
        const { env } = containerEnv(objects, container);
        const own = users.find((u) => u.user === app.name)!;
        const secret = secretOf(container, 'NATS_PASSWORD');
        // Its own user, and the very Secret nats-server reads that user's password from.
        expect({ app: app.name, user: env.NATS_USER, secret }).toEqual({
          app: app.name,
          user: app.name,
          secret: secretOf(natsContainer, own.variable),
        });
        expect(env.NATS_PASSWORD).toBe(natsEnv.env[own.variable]);
        secretsUsed.add(secret!);
      }
      // One Secret per service: no two services share a password.
      expect(secretsUsed.size).toBe(workloads().filter(({ app }) => app.known.has('NATS_USER')).length);
    });

    it('denies all traffic by default and allows only the flows the system needs', () => {
      const policies = ofKind(overlay().objects, 'NetworkPolicy');
      const defaultDeny = policies.find(
        (p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && !p.spec.ingress && !p.spec.egress,
      );
      expect(defaultDeny?.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      const labelsOf = (name: string) => ({ 'app.kubernetes.io/name': name });
      // A named port (`http`) is the destination pod's container port of that name.
      const namedPort = (to: Peer) => (portName: string) => {
        if (!('labels' in to)) return undefined;
        const workload = overlay().objects.find(
          (o) =>
            ['Deployment', 'StatefulSet'].includes(o.kind) &&
            o.metadata.name === to.labels['app.kubernetes.io/name'],
        );
        const ports: Array<{ name?: string; containerPort: number }> = workload
          ? (podSpec(workload).containers as Any[]).flatMap(
              (c): Array<{ name?: string; containerPort: number }> =>
                (c.ports ?? []) as Array<{ name?: string; containerPort: number }>,
            )
          : [];
        return ports.find((p) => p.name === portName)?.containerPort;
      };
      const allowed = (from: Peer, to: Peer, port: number) =>
        flowAllowed(policies, from, to, port, namedPort(to));
      const pod = (name: string): Peer => ({ labels: labelsOf(name), namespace: 'app' });
      const nats = pod('nats');
      const db = deployed().filter((a) => a.usesDatabase);
      for (const app of deployed()) {
        if (app.name === 'twilio-emulator') continue;
        expect({ app: app.name, toNats: allowed(pod(app.name), nats, 4222) }).toEqual({
          app: app.name,
          toNats: true,
        });
        expect({ app: app.name, toPostgres: allowed(pod(app.name), { ip: '10.1.2.3' }, 5432) }).toEqual({
          app: app.name,
          toPostgres: db.includes(app),
        });
        // Services meet only through NATS: no HTTP between them.
        for (const other of deployed())
          if (other !== app && other.name !== 'twilio-emulator')
            expect({
              from: app.name,
              to: other.name,
              http: allowed(pod(app.name), pod(other.name), other.port),
            }).toEqual({
              from: app.name,
              to: other.name,
              http: false,
            });
        // The Gateway's proxies reach only the public services.
        const controller: Peer = {
          labels: { 'app.kubernetes.io/name': 'envoy' },
          namespace: 'envoy-gateway-system',
        };
        expect({ app: app.name, public: allowed(controller, pod(app.name), app.port) }).toEqual({
          app: app.name,
          public: app.name in PUBLIC,
        });
      }
      expect(allowed(pod('nats-0'), nats, 4222)).toBe(false);
      expect(allowed(nats, nats, 6222)).toBe(true);
      expect(allowed({ ip: '203.0.113.7' }, nats, 4222)).toBe(false);
      expect(allowed(pod('preferences'), { ip: '203.0.113.7' }, 443)).toBe(false);
      expect(allowed(pod('outbound'), { ip: '203.0.113.7' }, 443)).toBe(true);
      if (overlayName === 'dev') {
        expect(allowed(pod('outbound'), pod('twilio-emulator'), 3999)).toBe(true);
        expect(allowed(pod('twilio-emulator'), pod('ingress'), 3000)).toBe(true);
        expect(allowed(pod('twilio-emulator'), nats, 4222)).toBe(false);
      }
    });

    it('exposes ingress and api through Gateway API HTTPRoutes on its Gateway, and nothing else', () => {
      expect(ofKind(overlay().objects, 'Ingress')).toEqual([]);
      const gateways = ofKind(overlay().objects, 'Gateway');
      expect(gateways.map((g) => g.metadata.name)).toEqual(['twilio-agents']);
      const listeners = gateways[0].spec.listeners as Any[];
      const routes = ofKind(overlay().objects, 'HTTPRoute');
      const backends = routes.flatMap((route) => {
        for (const parent of route.spec.parentRefs as Any[]) {
          const listener = listeners.find((l) => l.name === parent.sectionName);
          // A route attaches only where its hostnames match the listener's.
          expect({ route: route.metadata.name, hostnames: route.spec.hostnames }).toEqual({
            route: route.metadata.name,
            hostnames: [listener?.hostname],
          });
        }
        return (route.spec.rules as Any[]).flatMap((rule) =>
          (rule.matches as Any[]).flatMap((m) =>
            (rule.backendRefs as Any[]).map((b) => ({ path: m.path.value as string, backend: b })),
          ),
        );
      });
      for (const [name, path] of Object.entries(PUBLIC)) {
        expect(backends.some((b) => b.backend.name === name && b.path === path)).toBe(true);
      }
      for (const b of backends) {
        expect(Object.keys(PUBLIC)).toContain(b.backend.name);
        const service = find(overlay().objects, 'Service', b.backend.name)!;
        expect((service.spec.ports as Any[]).some((p) => p.port === b.backend.port)).toBe(true);
        expect(b.path).not.toMatch(/^\/(health|metrics)?$/);
      }
    });

    it('keeps Twilio, database and model credentials in Secrets', () => {
      const keys = new Map<string, string>();
      for (const { container } of workloads()) {
        for (const item of (container.env ?? []) as Any[]) {
          if (item.valueFrom?.secretKeyRef) keys.set(item.name, item.valueFrom.secretKeyRef.name as string);
        }
      }
      for (const name of [
        'TWILIO_AUTH_TOKEN',
        'TWILIO_ACCOUNT_SID',
        'DATABASE_URL',
        'LLM_API_KEY',
        'ADMIN_API_KEY',
      ]) {
        expect({ name, fromSecret: keys.has(name) }).toEqual({ name, fromSecret: true });
      }
      for (const secret of new Set(keys.values()))
        expect(find(overlay().objects, 'Secret', secret)).toBeDefined();
    });
  });

  it.each(['dev', 'production'])(
    '%s: creates its own Namespace, the one every namespaced object is in (applies on a fresh cluster)',
    (name) => {
      const { objects } = overlays.find((o) => o.name === name)!;
      const namespaces = objects.filter((o) => o.kind === 'Namespace');
      expect(namespaces).toHaveLength(1);
      const namespace = namespaces[0].metadata.name;
      const others = objects.filter((o) => o.kind !== 'Namespace');
      expect(others.length).toBeGreaterThan(0);
      for (const o of others)
        expect({ object: `${o.kind} ${o.metadata.name}`, namespace: o.metadata.namespace }).toEqual({
          object: `${o.kind} ${o.metadata.name}`,
          namespace,
        });
    },
  );

  it('dev: brings its own Postgres, the one DATABASE_URL names, with the same credentials', () => {
    const { objects } = overlays.find((o) => o.name === 'dev')!;
    const postgres = find(objects, 'StatefulSet', 'postgres')!;
    expect(postgres.spec.volumeClaimTemplates).toHaveLength(1);
    const container = podSpec(postgres).containers[0];
    const { env, problems } = containerEnv(objects, container);
    expect(problems).toEqual([]);
    // The services' DATABASE_URL, as the api's container gets it (the Secret's name has a hash).
    const api = podSpec(find(objects, 'Deployment', 'api')!).containers[0];
    const url = new URL(containerEnv(objects, api).env.DATABASE_URL);
    const service = find(objects, 'Service', url.hostname)!;
    expect(selects(service.spec.selector, postgres.spec.template.metadata.labels)).toBe(true);
    expect((service.spec.ports as Any[]).map((p) => Number(p.port))).toContain(Number(url.port));
    expect({
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      db: url.pathname.slice(1),
    }).toEqual({ user: env.POSTGRES_USER, password: env.POSTGRES_PASSWORD, db: env.POSTGRES_DB });
    // Production brings none: its DATABASE_URL is the operator's.
    expect(
      find(overlays.find((o) => o.name === 'production')!.objects, 'StatefulSet', 'postgres'),
    ).toBeUndefined();
  });

  it('production: monitors every service, with alerts and a dashboard over metrics the code exports', () => {
    const { objects } = overlays.find((o) => o.name === 'production')!;
    // Every metric the services define (counter/gauge/histogram of @app/telemetry).
    const exported = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules') walk(path);
        else if (/(?<!spec)\.ts$/.test(entry.name))
          for (const m of readFileSync(path, 'utf8').matchAll(
            /(?:counter|gauge|histogram)\(\s*'([a-z0-9_]+)'/g,
          ))
            exported.add(m[1]);
      }
    };
    walk(join(K8S_DIR, '..', '..', 'apps'));
    walk(join(K8S_DIR, '..', '..', 'libs'));
    // Label lists (`by (service, status_class)`) name labels, not metrics: left out first.
    const metricsIn = (expr: string) =>
      [
        ...expr
          .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '')
          .matchAll(/\b([a-z]+_[a-z0-9_]+)\s*(?=[{[)])/g),
      ]
        .map((m) => m[1].replace(/_(bucket|sum|count)$/, ''))
        .filter((name) => !['histogram_quantile'].includes(name));

    const monitor = find(objects, 'ServiceMonitor', 'twilio-agents')!;
    const selected = monitor.spec.selector.matchExpressions[0].values as string[];
    const apps = overlays.find((o) => o.name === 'production')!.apps;
    expect([...selected].sort()).toEqual([...apps].sort());
    for (const name of apps) {
      const service = find(objects, 'Service', name)!;
      expect((service.spec.ports as Any[]).map((p) => String(p.name))).toContain(
        monitor.spec.endpoints[0].port,
      );
    }

    const groups = find(objects, 'PrometheusRule', 'twilio-agents')!.spec.groups as { rules: Any[] }[];
    const rules: Any[] = groups.flatMap((g): Any[] => g.rules);
    const alerted = rules.flatMap((r) => metricsIn(String(r.expr)));
    for (const metric of [
      'messaging_consumer_pending',
      'messaging_dead_lettered_total',
      'messaging_oldest_blocked_seconds',
      'http_requests_total',
    ])
      expect(alerted).toContain(metric);

    const dashboard = JSON.parse(
      String(find(objects, 'ConfigMap', 'twilio-agents-dashboard')!.data['twilio-agents.json']),
    );
    const charted = (dashboard.panels as Any[]).flatMap((p) =>
      (p.targets as Any[]).flatMap((t) => metricsIn(String(t.expr))),
    );
    expect(charted.length).toBeGreaterThan(10);
    const unknown = [...alerted, ...charted].filter((metric) => !exported.has(metric));
    expect(unknown).toEqual([]);
  });

  it('production: every secret key a Deployment needs is in a committed secrets/*.env.example', () => {
    const dir = join(K8S_DIR, 'overlays', 'production', 'secrets');
    const kustomization = readFileSync(join(K8S_DIR, 'overlays', 'production', 'kustomization.yaml'), 'utf8');
    const files = [...kustomization.matchAll(/secrets\/([a-z0-9-]+\.env)/g)].map((m) => m[1]);
    const exampleKeys = new Set(
      files.flatMap((file) =>
        readFileSync(join(dir, `${file}.example`), 'utf8')
          .split('\n')
          .filter((line) => /^[A-Z]/.test(line))
          .map((line) => String(line.split('=')[0])),
      ),
    );
    const production = overlays.find((o) => o.name === 'production')!;
    for (const deployment of ofKind(production.objects, 'Deployment')) {
      for (const c of podSpec(deployment).containers as Any[]) {
        for (const item of (c.env ?? []) as Any[]) {
          const ref = item.valueFrom?.secretKeyRef;
          if (ref && !ref.optional)
            expect({ key: ref.key, inExample: exampleKeys.has(ref.key as string) }).toEqual({
              key: ref.key,
              inExample: true,
            });
        }
      }
    }
  });
});

/** A pod (its labels, in namespace `app` unless said) or an address outside the cluster. */
type Peer = { labels: Record<string, string>; namespace: string } | { ip: string };

function matches(selector: Any, labels: Record<string, string>): boolean {
  if (!selector) return true;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = ((selector.matchExpressions ?? []) as Any[]).every((e) =>
    e.operator === 'In'
      ? (e.values as string[]).includes(labels[e.key])
      : e.operator === 'NotIn'
        ? !(e.values as string[]).includes(labels[e.key])
        : e.operator === 'Exists'
          ? e.key in labels
          : !(e.key in labels),
  );
  return byLabels && byExpressions;
}

function ipInCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const toInt = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
  const mask = Number(bits) === 0 ? 0 : (0xffffffff << (32 - Number(bits))) >>> 0;
  return (toInt(ip) & mask) >>> 0 === (toInt(base) & mask) >>> 0;
}

/** Whether a NetworkPolicy peer (`from`/`to` entry) admits this side, seen from the policy's namespace `app`. */
function peerMatches(peer: Any, side: Peer): boolean {
  if (peer.ipBlock)
    return (
      'ip' in side &&
      ipInCidr(side.ip, peer.ipBlock.cidr) &&
      !((peer.ipBlock.except ?? []) as string[]).some((c) => ipInCidr(side.ip, c))
    );
  if (!('labels' in side)) return false;
  const nsLabels = { 'kubernetes.io/metadata.name': side.namespace };
  const nsOk = peer.namespaceSelector ? matches(peer.namespaceSelector, nsLabels) : side.namespace === 'app';
  return nsOk && matches(peer.podSelector, side.labels);
}

/**
 * Kubernetes NetworkPolicy semantics for one TCP flow: a pod selected by any policy of a type
 * allows only what one of them allows; a pod no policy of that type selects allows everything.
 */
function flowAllowed(
  policies: K8sObject[],
  from: Peer,
  to: Peer,
  port: number,
  named: (name: string) => number | undefined,
): boolean {
  const portOk = (ports: Any[] | undefined) =>
    !ports ||
    ports.some(
      (p) =>
        (typeof p.port === 'string' ? named(p.port) === port : p.port === undefined || p.port === port) &&
        (p.protocol ?? 'TCP') === 'TCP',
    );
  const side = (pod: Peer, type: 'Ingress' | 'Egress', other: Peer) => {
    if (!('labels' in pod) || pod.namespace !== 'app') return true; // outside: not ours to police
    const selecting = policies.filter(
      (p) => (p.spec.policyTypes as string[]).includes(type) && matches(p.spec.podSelector, pod.labels),
    );
    if (selecting.length === 0) return true;
    return selecting.some((p) =>
      ((type === 'Ingress' ? p.spec.ingress : p.spec.egress) ?? []).some(
        (rule: Any) =>
          portOk(rule.ports) &&
          (!(rule.from ?? rule.to) ||
            ((rule.from ?? rule.to) as Any[]).some((peer) => peerMatches(peer, other))),
      ),
    );
  };
  return side(from, 'Egress', to) && side(to, 'Ingress', from);
}
