import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { secretsEqual } from '../api-keys/api-key-secret';
import { API_CONFIG, operatorKeyList, type ApiConfig } from '../config';

const MIN_LENGTH = 16;

/** The keys in an operator key file: one a line, blank lines and `#` comments ignored. */
export function parseOperatorKeyFile(text: string): { keys: string[]; tooShort: number } {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const keys = lines.filter((l) => l.length >= MIN_LENGTH);
  return { keys, tooShort: lines.length - keys.length };
}

/**
 * The valid operator keys: those of ADMIN_API_KEY (comma-separated) and those of
 * ADMIN_API_KEY_FILE, which is re-read every ADMIN_API_KEY_FILE_POLL_MS so a rotated Secret takes
 * effect without a restart. Polling, not fs.watch: a mounted Kubernetes Secret changes by a
 * symlink swap that watchers miss. If the file cannot be read later, the last keys read stay.
 */
@Injectable()
export class OperatorKeys implements OnModuleDestroy {
  private readonly logger = new Logger(OperatorKeys.name);
  private readonly fromEnv: string[];
  private fromFile: string[] = [];
  private fileText: string | undefined;
  private lastProblem: string | undefined;
  private readonly timer?: NodeJS.Timeout;

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {
    this.fromEnv = operatorKeyList(config.ADMIN_API_KEY);
    const file = config.ADMIN_API_KEY_FILE;
    if (file) {
      // At start an unreadable file is a configuration error: fail loudly, not with no operator.
      this.apply(readFileSync(file, 'utf8'));
      this.timer = setInterval(() => void this.reload(file), config.ADMIN_API_KEY_FILE_POLL_MS);
      this.timer.unref();
    }
  }

  /** Whether the token is one of the operator keys (compared in constant time with each). */
  matches(token: string): boolean {
    let found = false;
    for (const key of [...this.fromEnv, ...this.fromFile]) found = secretsEqual(token, key) || found;
    return found;
  }

  /** How many keys are valid now (for logs and tests; never the keys). */
  count(): number {
    return this.fromEnv.length + this.fromFile.length;
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async reload(file: string): Promise<void> {
    try {
      this.apply(await readFile(file, 'utf8'));
      this.lastProblem = undefined;
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      // Once per problem, not at every poll.
      if (problem !== this.lastProblem)
        this.logger.warn(
          `ADMIN_API_KEY_FILE could not be read (keeping the ${this.fromFile.length} keys read before): ${problem}`,
        );
      this.lastProblem = problem;
    }
  }

  private apply(text: string): void {
    if (text === this.fileText) return;
    const { keys, tooShort } = parseOperatorKeyFile(text);
    if (tooShort)
      this.logger.warn(
        `ADMIN_API_KEY_FILE: ${tooShort} key(s) shorter than ${MIN_LENGTH} characters ignored`,
      );
    const first = this.fileText === undefined;
    this.fileText = text;
    this.fromFile = keys;
    if (!first) this.logger.log(`Operator keys reloaded from ADMIN_API_KEY_FILE: ${this.count()} valid`);
    if (this.count() === 0)
      this.logger.error('No operator key is valid: operator routes refuse every caller');
  }
}
