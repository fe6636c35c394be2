import type { Config } from 'jest';

const moduleNameMapper = {
  '^@crm/domain$': '<rootDir>/libs/domain/src',
  '^@crm/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@crm/event-store$': '<rootDir>/libs/event-store/src',
  '^@crm/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
  '^@crm/read-store$': '<rootDir>/libs/read-store/src',
  '^@crm/read-store/(.*)$': '<rootDir>/libs/read-store/src/$1',
  '^@crm/messaging$': '<rootDir>/libs/messaging/src',
  '^@crm/messaging/(.*)$': '<rootDir>/libs/messaging/src/$1',
  '^@crm/test-support$': '<rootDir>/libs/test-support/src',
  '^@crm/platform$': '<rootDir>/libs/platform/src',
  '^@crm/platform/(.*)$': '<rootDir>/libs/platform/src/$1',
  '^@crm/projection-runtime$': '<rootDir>/libs/projection-runtime/src',
  '^@crm/projection-runtime/(.*)$': '<rootDir>/libs/projection-runtime/src/$1',
  '^@crm/projections/(.*)$': '<rootDir>/projections/$1',
  '^@crm/application$': '<rootDir>/libs/application/src',
  '^@crm/demo-data$': '<rootDir>/libs/demo-data/src',
  '^@crm/automation$': '<rootDir>/libs/automation/src',
};

export const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/projections'],
  testRegex: '.*\\.spec\\.ts$',
  // The distributed stack's processes run under `npm run test:distributed` (jest.distributed.config.ts).
  testPathIgnorePatterns: ['/node_modules/', '\\.distributed\\.spec\\.ts$'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json', diagnostics: false }],
  },
  moduleNameMapper,
  setupFiles: ['<rootDir>/jest.setup.ts'],
  testTimeout: 30_000,
};

export default config;
