import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOfflineOpenApiDocument } from './openapi-offline';

const ROOT = join(__dirname, '..', '..', '..', '..');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

/** `redocly lint` (the CLI itself, with the repository's redocly.yaml) over one document. */
function redoclyLint(file: string): Promise<LintReport> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [
        join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'),
        'lint',
        '--config',
        join(ROOT, 'redocly.yaml'),
        '--format',
        'json',
        file,
      ],
      // No telemetry or update check from a test run.
      {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
      (error, stdout, stderr) => {
        // Exit code 1 means problems were found: the JSON report says which.
        try {
          resolve(JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport);
        } catch {
          reject(new Error(`redocly lint gave no report (${error?.message ?? ''}): ${stderr}`));
        }
      },
    ),
  );
}

describe('the OpenAPI document', () => {
  it("lints clean with Redocly's recommended rules", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(await buildOfflineOpenApiDocument(), null, 2));
      const report = await redoclyLint(file);
      const problems = report.problems.map(
        (p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`,
      );
      expect(problems).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
