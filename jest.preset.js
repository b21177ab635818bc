// Shared jest settings for every project: swc transform (with decorator metadata for NestJS),
// the workspace aliases, UTC, and long enough timeouts for tests against real NATS and Postgres.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = __dirname;
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

const moduleNameMapper = Object.fromEntries(
  Object.entries(paths).map(([alias, [target]]) => [`^${alias}$`, join(root, target)]),
);

/** @param {string} dir the project's folder; @param {string} name its display name */
module.exports = function projectConfig(dir, name) {
  return {
    displayName: name,
    rootDir: dir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
      // ES-module-only dependencies (Node requires them natively; jest's loader needs CommonJS).
      '^.+\\.m?js$': [
        '@swc/jest',
        {
          swcrc: false,
          jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' },
          module: { type: 'commonjs' },
        },
      ],
    },
    // content-disposition 3 (from @fastify/static) ships only ES modules too.
    transformIgnorePatterns: [
      '/node_modules/(?!(@marcbachmann/cel-js/|content-disposition/|@fastify/static/node_modules/content-disposition/))',
    ],
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper,
    testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.integration-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
    setupFiles: [join(root, 'jest.setup.js')],
    testTimeout: 60_000,
  };
};
