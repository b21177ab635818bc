// One jest run over every project; each project keeps its own jest.config.js beside its code.
const { existsSync, readdirSync } = require('node:fs');
const { join } = require('node:path');

const projects = ['apps', 'libs'].flatMap((top) =>
  readdirSync(join(__dirname, top))
    .map((name) => join(__dirname, top, name, 'jest.config.js'))
    .filter((file) => existsSync(file)),
);
if (existsSync(join(__dirname, 'deploy', 'jest.config.js')))
  projects.push(join(__dirname, 'deploy', 'jest.config.js'));

module.exports = {
  projects,
  // Tests mostly wait on Postgres, NATS and HTTP: one worker more than the 2 cores keeps them busy.
  maxWorkers: Number(process.env.JEST_WORKERS ?? 3),
  // A global option: project configs cannot set it.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/libs/testing/src/global-setup.js',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.js',
};
