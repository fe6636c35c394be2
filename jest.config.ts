import type { Config } from 'jest';
import { dockerEngineConfigured } from './libs/test-support/src/server-target';

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

/**
 * Suites every test of which needs a server are named `*.kafka.spec.ts` and `*.mongo.spec.ts`. Where the
 * server is not reachable (its variable unset, no Docker engine) they are left out with one SKIPPED line,
 * as the contract suites print theirs: Jest fails a file that registers no test.
 */
const SERVER_ONLY_SUITES = [
  { pattern: '\\.kafka\\.spec\\.ts$', envVar: 'KAFKA_BROKERS', server: 'a Kafka broker' },
  { pattern: '\\.mongo\\.spec\\.ts$', envVar: 'MONGO_URL', server: 'a MongoDB-wire database' },
];

function suitesWithoutTheirServer(): string[] {
  if (dockerEngineConfigured()) return [];
  return SERVER_ONLY_SUITES.filter(({ envVar }) => !process.env[envVar]).map(
    ({ pattern, envVar, server }) => {
      console.log(
        `SKIPPED: the suites that need ${server} (${pattern}) — ${envVar} is not set and no Docker engine is available`,
      );
      return pattern;
    },
  );
}

export default {
  ...config,
  testPathIgnorePatterns: [...(config.testPathIgnorePatterns ?? []), ...suitesWithoutTheirServer()],
} satisfies Config;
