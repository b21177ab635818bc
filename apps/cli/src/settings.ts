import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';

/** Where the CLI keeps its files: $XDG_CONFIG_HOME and $XDG_DATA_HOME on Linux (env-paths). */
const paths = envPaths('twilio-agents', { suffix: '' });

export const configFile = () => join(paths.config, 'config.json');
/** Import progress files (one per file and workspace). */
export const stateDir = () => join(paths.data, 'imports');

export interface Login {
  apiUrl: string;
  apiKey: string;
}

/** The saved login, or null before `twilio-agents login`. */
export function readLogin(): Login | null {
  try {
    const saved = JSON.parse(readFileSync(configFile(), 'utf8')) as Partial<Login>;
    return saved.apiUrl && saved.apiKey ? { apiUrl: saved.apiUrl, apiKey: saved.apiKey } : null;
  } catch {
    return null;
  }
}

/** Writes a file only its owner can read (the key is a secret), replacing it whole. */
export function writePrivateFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  // The mode given to writeFile is filtered by the umask; make it exact.
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export function saveLogin(login: Login): string {
  const file = configFile();
  writePrivateFile(file, `${JSON.stringify(login, null, 2)}\n`);
  return file;
}

/** The flags win over the environment, which wins over the saved login. */
export function resolveLogin(flags: { apiUrl?: string; apiKey?: string }): Login {
  const saved = readLogin();
  const apiUrl = flags.apiUrl ?? process.env.TWILIO_AGENTS_API_URL ?? saved?.apiUrl;
  const apiKey = flags.apiKey ?? process.env.TWILIO_AGENTS_API_KEY ?? saved?.apiKey;
  if (!apiUrl || !apiKey)
    throw new UsageError('Not logged in: run `twilio-agents login --url <api url>` first.');
  return { apiUrl: apiUrl.replace(/\/+$/, ''), apiKey };
}

/** A mistake of the person at the keyboard: printed as one line, exit code 2. */
export class UsageError extends Error {}
