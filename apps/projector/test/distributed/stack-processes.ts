import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { type AppProcess, freePort, poll, startApp } from '../support/app-process';
import { ROOT } from '../support/pipeline';

/** `nest build api` output: the API runs as `npm start` runs it (Nest's DI needs tsc's decorator metadata). */
export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const RELAY_MAIN = join(ROOT, 'apps/relay/src/main.ts');
const PROJECTOR_MAIN = join(ROOT, 'apps/projector/src/main.ts');

/**
 * One run's settings: the SQLite event store on the API's host feeding the relay, Kafka, the projectors and
 * MongoDB (docs/operations.md "Topologies"), with topics, groups and databases of its own.
 */
export interface StackSettings {
  readonly env: NodeJS.ProcessEnv;
  readonly jwtSecret: string;
  readonly topics: {
    readonly customerEvents: string;
    readonly orderedEvents: string;
    readonly deadLetters: string;
  };
  readonly readDatabase: string;
  readonly keyDatabase: string;
  readonly groupPrefix: string;
}

export function stackSettings(dataDir: string, brokers: string, mongoUrl: string): StackSettings {
  const run = randomBytes(4).toString('hex');
  const jwtSecret = randomBytes(36).toString('base64url');
  const topics = {
    customerEvents: `dist-${run}.customer-events`,
    orderedEvents: `dist-${run}.customer-events.ordered`,
    deadLetters: `dist-${run}.customer-events.dlq`,
  };
  const readDatabase = `crm_dist_${run}`;
  const keyDatabase = `crm_dist_keys_${run}`;
  const groupPrefix = `dist-${run}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'development',
    CRM_MODE: 'distributed',
    EVENT_STORE: 'sqlite',
    CRM_DATA_DIR: dataDir,
    KAFKA_BROKERS: brokers,
    KAFKA_REPLICATION_FACTOR: '1',
    MONGO_URL: mongoUrl,
    MONGO_DB: readDatabase,
    MONGO_KEYS_DB: keyDatabase,
    BUS_TOPIC: topics.customerEvents,
    BUS_ORDERED_TOPIC: topics.orderedEvents,
    BUS_DEAD_LETTER_TOPIC: topics.deadLetters,
    BUS_PARTITIONS: '4',
    PROJECTOR_GROUP_PREFIX: groupPrefix,
    PROJECTOR_BATCH_SIZE: '200',
    PROJECTOR_RETRY_DELAY_MS: '100',
    RELAY_BATCH_SIZE: '200',
    JWT_SECRET: jwtSecret,
    CRM_MASTER_KEY: randomBytes(32).toString('base64'),
    RATE_LIMIT_PER_SECOND: '1000000',
    HOST: '127.0.0.1',
  };
  return { env, jwtSecret, topics, readDatabase, keyDatabase, groupPrefix };
}

export function serviceToken(secret: string): string {
  return sign({ sub: 'distributed-e2e', roles: ['service'], azp: 'distributed-e2e' }, secret, {
    algorithm: 'HS256',
    expiresIn: '1h',
    issuer: 'crm',
    audience: 'crm-api',
  });
}

export interface RunningApp {
  readonly port: number;
  readonly process: AppProcess;
}

async function started(main: string, settings: StackSettings, extra: NodeJS.ProcessEnv): Promise<RunningApp> {
  const port = await freePort();
  const process = startApp(main, { ...settings.env, ...extra, PORT: String(port) });
  const up = poll(port, '/health', () => true);
  const died = process.exited.then((exit) => {
    throw new Error(`${main} exited during start-up (${JSON.stringify(exit)}):\n${process.output()}`);
  });
  await Promise.race([up, died]);
  return { port, process };
}

export const startApi = (settings: StackSettings) => started(API_MAIN, settings, {});
export const startRelay = (settings: StackSettings) => started(RELAY_MAIN, settings, {});
export const startProjector = (settings: StackSettings) => started(PROJECTOR_MAIN, settings, {});

export async function kill(
  app: RunningApp,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: string | null }> {
  app.process.child.kill(signal);
  return app.process.exited;
}

export async function getJson<T>(port: number, path: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  if (!response.ok) throw new Error(`GET ${path} on :${port} answered ${response.status}`);
  return (await response.json()) as T;
}
