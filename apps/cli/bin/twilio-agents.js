#!/usr/bin/env node
// `npx twilio-agents`: the operator CLI, compiled to dist/ by `npm run build` like the services.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('twilio-agents: not built yet; run `npm run build` first.\n');
  process.exit(1);
}
require(main);
