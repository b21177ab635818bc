// The Kubernetes manifests, rendered by the real Kustomize and checked without a cluster:
// every object against the Kubernetes schemas (types, enums, formats, required fields, unknown
// fields), then against the apps' configuration read from their code now (env, secret keys,
// ports, probe paths), then the operational shape (HPA, PDB, NATS cluster, Ingress, limits).
import { readFileSync } from 'node:fs';
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

    it('exposes ingress and api through Ingresses, and nothing else', () => {
      const ingresses = ofKind(overlay().objects, 'Ingress');
      const backends = ingresses.flatMap((ing) =>
        (ing.spec.rules as Any[]).flatMap((rule) =>
          (rule.http.paths as Any[]).map((p) => ({
            host: rule.host as string,
            path: p.path as string,
            backend: p.backend.service,
          })),
        ),
      );
      for (const [name, path] of Object.entries(PUBLIC)) {
        expect(backends.some((b) => b.backend.name === name && b.path === path)).toBe(true);
      }
      for (const b of backends) {
        expect(Object.keys(PUBLIC)).toContain(b.backend.name);
        const service = find(overlay().objects, 'Service', b.backend.name)!;
        expect(
          (service.spec.ports as Any[]).some(
            (p) => p.name === b.backend.port.name || p.port === b.backend.port.number,
          ),
        ).toBe(true);
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
