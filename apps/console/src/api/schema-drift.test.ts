// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../scripts/api-schema.mjs', import.meta.url));

it("matches the api's OpenAPI document (else: npm run console:api-schema)", () => {
  // The script builds the document from the compiled api (npm test builds first) and compares.
  let output = '';
  let failed = false;
  try {
    output = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    failed = true;
    output = String((error as { stderr?: string }).stderr ?? error);
  }
  expect({ failed, output: output.trim() }).toEqual({
    failed: false,
    output: expect.stringContaining('matches'),
  });
}, 60_000);
