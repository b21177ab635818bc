import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

const noAppImports = {
  group: ['@apps/*'],
  message: 'An app never imports another app: meet through @app/contracts over NATS.',
};

/**
 * apps/workflow in floors (its README, "Layers"): a folder imports only the folders below it.
 * Each entry names the folders a folder must not reach with a relative import; a subfolder also
 * keeps its parent's list. Specs are exempt: they start the whole service.
 */
const workflowFloors = {
  turn: ['definitions', 'abilities', 'agent', 'engine', 'automation'],
  definitions: ['abilities', 'agent', 'engine', 'automation'],
  abilities: ['agent', 'engine', 'automation'],
  agent: ['engine', 'automation'],
  engine: ['automation'],
  // One way onto the engine, through its ConversationStarter port only.
  automation: ['agent', 'abilities', 'engine/(?!conversation-starter$)'],
  'automation/actions': ['rules', 'events', 'routines'],
  'automation/rules': ['events', 'routines'],
  'automation/events': ['routines'],
  'automation/routines': ['rules', 'events'],
};
const workflowRoot = ['start', 'main', 'index', 'config', 'migrations', 'testing'];
const segment = (name) => (name.includes('/') ? name : `${name}(/|$)`);
const workflowLayering = Object.keys(workflowFloors).map((folder) => {
  const parents = Object.keys(workflowFloors).filter((f) => folder.startsWith(`${f}/`));
  const banned = [...parents, folder].flatMap((f) => workflowFloors[f]);
  return {
    files: [`apps/workflow/src/${folder}/**/*.ts`],
    ignores: ['**/*.spec.ts', '**/*.integration-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noAppImports,
            {
              regex: `^(\\.\\./)+(${[...banned, ...workflowRoot].map(segment).join('|')})`,
              message: `apps/workflow/src/${folder} imports only the folders below it (apps/workflow/README.md, "Layers").`,
            },
          ],
        },
      ],
    },
  };
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.nx/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      // Services meet only through libs/contracts; an app never imports another app.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // Only the e2e, deploy and fault suites import apps (through @apps/*); the rule below
          // keeps every app itself from doing so.
          allow: ['@apps/*'],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:app'] },
            // apps/all-in-one runs every app in one process (npm start); nothing imports it.
            {
              sourceTag: 'type:composition',
              onlyDependOnLibsWithTags: ['type:lib', 'type:contracts', 'type:app'],
            },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['apps/**/*.ts'],
    ignores: ['apps/e2e/**', 'apps/all-in-one/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noAppImports] }],
    },
  },
  ...workflowLayering,
  {
    files: ['apps/e2e/**/*.ts', 'deploy/**/*.ts', 'faults/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/*.e2e-spec.ts',
      'libs/testing/**/*.ts',
      'bench/**/*.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The console (a browser app): the rules of hooks; tests may use loose shapes.
    files: ['apps/console/**/*.{ts,tsx,mts}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['apps/console/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
