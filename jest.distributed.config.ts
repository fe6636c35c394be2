import type { Config } from 'jest';
import { config as base } from './jest.config';

/**
 * `npm run test:distributed`: the API, relay and projectors as real processes over a real Kafka broker and
 * a MongoDB-wire database (KAFKA_BROKERS, MONGO_URL; `npm run test:servers:start` provides both).
 */
const config: Config = {
  ...base,
  testRegex: '.*\\.distributed\\.spec\\.ts$',
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 240_000,
};

export default config;
