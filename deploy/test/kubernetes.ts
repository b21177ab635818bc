// Renders the Kustomize overlays with the real tool (`kustomize build`, or `kubectl kustomize`,
// which embeds it) and validates objects against the Kubernetes OpenAPI schemas shipped by the
// `kubernetes-models` package (compiled JSON-schema validators), with no cluster.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { ROOT } from './app-config';

export const K8S_DIR = join(ROOT, 'deploy', 'k8s');

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; [key: string]: any };
  [key: string]: any;
};

const INSTALL_HINT =
  'Rendering the manifests needs kustomize v4+ on PATH: either `kustomize`, or `kubectl` (v1.21+, it embeds kustomize; ' +
  'the node-svc machine image ships /usr/bin/kubectl 1.32 with kustomize v5). ' +
  "Debian's own kubernetes-client package (kubectl 1.20, kustomize v2) is too old for this Kustomization.";

function tryVersion(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return undefined;
  }
}

/** The command that renders a kustomization directory, or a clear error when there is none. */
export function kustomizeCommand(): { command: string; args: string[]; version: string } {
  const standalone = tryVersion('kustomize', ['version']);
  if (standalone && /v([4-9]|\d{2,})\./.test(standalone))
    return { command: 'kustomize', args: ['build'], version: standalone.trim() };
  const kubectl = tryVersion('kubectl', ['version', '--client']);
  const embedded = kubectl && /Kustomize Version: v(\d+)\.[^\s]*/.exec(kubectl);
  if (embedded && Number(embedded[1]) >= 4)
    return { command: 'kubectl', args: ['kustomize'], version: embedded[0] };
  throw new Error(
    `${INSTALL_HINT} Found: ${standalone?.trim() ?? 'no kustomize'}, ${kubectl?.trim() ?? 'no kubectl'}.`,
  );
}

export function render(dir: string): K8sObject[] {
  const { command, args } = kustomizeCommand();
  let out: string;
  try {
    out = execFileSync(command, [...args, dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`${command} ${args.join(' ')} ${dir} failed:\n${stderr}`);
  }
  return parseAllDocuments(out)
    .map((doc) => {
      if (doc.errors.length)
        throw new Error(`rendered YAML does not parse: ${doc.errors.map((e) => e.message).join('; ')}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((obj): obj is K8sObject => obj !== null);
}

/**
 * Renders an overlay from a scratch copy of deploy/k8s, with each `secrets/*.env.example` copied
 * to the `secrets/*.env` an operator would fill in (the real ones are never committed).
 */
export function renderWithExampleSecrets(overlay: string): K8sObject[] {
  const scratch = mkdtempSync(join(tmpdir(), 'deploy-k8s-'));
  try {
    cpSync(K8S_DIR, scratch, { recursive: true });
    const secrets = join(scratch, 'overlays', overlay, 'secrets');
    let entries: string[] = [];
    try {
      entries = readdirSync(secrets);
    } catch {
      // this overlay takes no secret files
    }
    for (const file of entries.filter((name) => name.endsWith('.env.example'))) {
      cpSync(join(secrets, file), join(secrets, file.replace(/\.example$/, '')));
    }
    return render(join(scratch, 'overlays', overlay));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface ModelClass {
  new (data: unknown): { validate(): void };
}

/** Custom resources' schemas: the kubernetes-models package of their API group. */
const CUSTOM_MODELS: Record<string, string> = {
  'gateway.networking.k8s.io': '@kubernetes-models/gateway-api',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

/** The kubernetes-models module for an apiVersion/kind, e.g. apps/v1 Deployment -> kubernetes-models/apps/v1/Deployment. */
export function modelPath(apiVersion: string, kind: string): string {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return `${CUSTOM_MODELS[group] ?? 'kubernetes-models'}/${apiVersion}/${kind}`;
}

/**
 * The custom resources' model packages ship only ES modules, which jest's CommonJS loader does not
 * take: they are validated by a plain `node` (same check, same message).
 */
function customSchemaProblems(obj: K8sObject): string {
  const script = `
    const obj = JSON.parse(process.argv[1]);
    let Model;
    try {
      Model = (await import(process.argv[2]))[obj.kind];
    } catch {
      console.log(JSON.stringify(obj.kind + ' ' + obj.metadata.name + ': no Kubernetes schema for ' + obj.apiVersion + ' ' + obj.kind + ' (unknown or removed API)'));
      process.exit(0);
    }
    try {
      new Model(obj).validate();
      console.log('""');
    } catch (error) {
      console.log(JSON.stringify(obj.kind + ' ' + obj.metadata.name + ': ' + (error instanceof Error ? error.message : String(error))));
    }`;
  const out = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', script, JSON.stringify(obj), modelPath(obj.apiVersion, obj.kind)],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as string;
}

/** Validates one object against its Kubernetes schema; returns the problems ('' when valid). */
export async function schemaProblems(obj: K8sObject): Promise<string> {
  if (CUSTOM_MODELS[obj.apiVersion.split('/')[0]]) return customSchemaProblems(obj);
  let Model: ModelClass;
  try {
    const mod = (await import(modelPath(obj.apiVersion, obj.kind))) as Record<string, ModelClass>;
    Model = mod[obj.kind];
  } catch {
    return `${obj.kind} ${obj.metadata.name}: no Kubernetes schema for ${obj.apiVersion} ${obj.kind} (unknown or removed API)`;
  }
  try {
    new Model(obj).validate();
    return '';
  } catch (error) {
    return `${obj.kind} ${obj.metadata.name}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Fields the schema does not know (a typo like `readinessprobe` is silently dropped by the API
 * server's non-strict decoding). The JSON-schema validators allow extra properties, so this
 * type-checks each object as an object literal of its kubernetes-models interface: TypeScript's
 * excess-property check then names every unknown field, at any depth.
 */
export function unknownFieldProblems(objects: K8sObject[]): string[] {
  const file = join(ROOT, 'deploy', '__rendered_manifests__.ts');
  const lines: string[] = [];
  objects.forEach((obj, i) => {
    lines.push(`import type { I${obj.kind} as T${i} } from '${modelPath(obj.apiVersion, obj.kind)}';`);
    lines.push(`export const o${i}: T${i} = ${JSON.stringify(obj)};`);
  });
  const text = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === file
      ? ts.createSourceFile(name, text, language)
      : getSourceFile.call(host, name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? text : readFile.call(host, name));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    const obj = line >= 0 ? objects[Math.floor(line / 2)] : undefined;
    return `${obj ? `${obj.kind} ${obj.metadata.name}: ` : ''}${message.split('\n').pop()}`;
  });
}
