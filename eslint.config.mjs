import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const pureLayers = ['libs/domain/**/*.ts', 'libs/automation/**/*.ts', 'projections/**/*.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: pureLayers,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'better-sqlite3', 'mongodb', 'kafkajs', '@eventstore/*'],
              message: 'libs/domain and projections are pure: no Nest, no drivers.',
            },
            {
              group: ['node:fs', 'fs', 'node:net', 'net', 'node:http', 'http'],
              message: 'libs/domain and projections do no I/O.',
            },
            {
              group: ['@crm/event-store*', '@crm/read-store*', '@crm/messaging*', '@crm/platform*'],
              message: 'Dependencies point inward: the domain imports no adapters.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in pure code: time comes from commands and events.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No clock in pure code: time comes from commands and events.',
        },
      ],
    },
  },
);
