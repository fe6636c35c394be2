import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { collectionName, storageName } from '@crm/projection-runtime';
import { customer360 } from '../../projections/customer-360';
import { registerCustomers } from '../http/customers';
import { freePort } from '../http/server-process';
import { randomSecret, serviceToken } from '../http/tokens';
import { type LagStats, lagStats } from '../projection-lag/lag-stats';
import { type PacedLoadResult, pacedLoad } from './paced-load';
import { type PipelineProcess, startPipelineProcess } from './pipeline-processes';
import type { RunNames, TestServers } from './test-servers';
import { VisibilityWatch } from './visibility-watch';

export interface LagPhaseOptions {
  readonly servers: TestServers;
  readonly names: RunNames;
  readonly dataDir: string;
  readonly customers: number;
  readonly perSecond: number;
  readonly seconds: number;
  /** Every how many acknowledged commands one is watched. */
  readonly sampleEvery: number;
  readonly pollMs: number;
  readonly log: (line: string) => void;
}

export interface LagPhaseResult {
  readonly load: PacedLoadResult;
  readonly lag: LagStats;
  readonly unseen: number;
  readonly commandLatency: LagStats;
}

const CATCH_UP_TIMEOUT_MS = 60_000;
const DRAIN_GRACE_MS = 20_000;

/**
 * The whole pipeline as separate processes on the real servers (EVENT_STORE=sqlite EVENT_BUS=kafka
 * READ_STORE=mongo KEY_STORE=mongo): the API appends, the relay publishes, the projector writes MongoDB. A
 * paced load of RecordPurchase runs; for a sample of the commands the bench waits for customer-360's
 * document to reach the command's event and takes lag = seen − the event's `recordedAt` (the writer
 * thread's clock at the commit, read back from the event store), both on this machine's clock.
 */
export async function lagPhase(options: LagPhaseOptions): Promise<LagPhaseResult> {
  const { servers, names, log } = options;
  const jwtSecret = randomSecret();
  const database = names.database('e2e');
  const env: NodeJS.ProcessEnv = {
    CRM_DATA_DIR: options.dataDir,
    EVENT_STORE: 'sqlite',
    EVENT_BUS: 'kafka',
    READ_STORE: 'mongo',
    KEY_STORE: 'mongo',
    KAFKA_BROKERS: servers.brokers.join(','),
    MONGO_URL: servers.mongoUrl,
    MONGO_DB: database,
    MONGO_KEYS_DB: names.database('e2e_keys'),
    BUS_TOPIC: names.topic('e2e.customer-events'),
    BUS_ORDERED_TOPIC: names.topic('e2e.customer-events.ordered'),
    BUS_DEAD_LETTER_TOPIC: names.topic('e2e.customer-events.dlq'),
    PROJECTOR_GROUP_PREFIX: names.group('e2e'),
    CRM_MASTER_KEY: randomBytes(32).toString('base64'),
    JWT_SECRET: jwtSecret,
    RATE_LIMIT_PER_SECOND: '1000000',
  };
  const processes: PipelineProcess[] = [];
  const mongo = new MongoClient(servers.mongoUrl);
  try {
    for (const app of ['api', 'relay', 'projector'] as const) {
      log(`starting the ${app}`);
      processes.push(await startPipelineProcess(app, await freePort(), env, log));
    }
    const [api, relay, projector] = processes;
    const token = serviceToken(jwtSecret);
    log(`registering ${options.customers} customers (not measured)`);
    await registerCustomers(api.url, token, options.customers);
    await caughtUp(relay.url, projector.url);

    await mongo.connect();
    const db = mongo.db(database);
    const alias = await db
      .collection<{ _id: string; target: string }>('aliases')
      .findOne({ _id: storageName(customer360.name) });
    const watch = new VisibilityWatch(
      db.collection(alias?.target ?? collectionName(customer360)),
      options.pollMs,
    );
    watch.start();
    let acknowledged = 0;
    log(
      `${options.perSecond} RecordPurchase/s for ${options.seconds} s, watching 1 in ${options.sampleEvery}`,
    );
    const load = await pacedLoad({
      url: api.url,
      token,
      customers: options.customers,
      perSecond: options.perSecond,
      seconds: options.seconds,
      maxInFlight: options.perSecond,
      onAppended: (customer, position) => {
        if (acknowledged++ % options.sampleEvery === 0) watch.expect(customer, position);
      },
    });
    const unseen = await watch.drain(DRAIN_GRACE_MS);
    const recorded = recordedAt(join(options.dataDir, 'events.db'), [...watch.seenAt.keys()]);
    const lags = [...watch.seenAt]
      .map(([position, seen]) => seen - (recorded.get(position) ?? NaN))
      .filter(Number.isFinite);
    return { load, lag: lagStats(lags), unseen, commandLatency: lagStats(load.latenciesMs) };
  } finally {
    for (const process of processes.reverse()) await process.stop();
    await mongo.close();
  }
}

/** Waits until the relay has published the whole log and every projection has read its topic to the end. */
async function caughtUp(relayUrl: string, projectorUrl: string): Promise<void> {
  const deadline = Date.now() + CATCH_UP_TIMEOUT_MS;
  for (;;) {
    const relay = (await (await fetch(`${relayUrl}/health`)).json()) as { relay: { lagEvents: number } };
    const projector = (await (await fetch(`${projectorUrl}/health`)).json()) as {
      projections: { lagMessages: number }[];
    };
    if (relay.relay.lagEvents === 0 && projector.projections.every((p) => p.lagMessages === 0)) return;
    if (Date.now() > deadline)
      throw new Error('the relay and projector did not catch up with the registrations');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The events' `recordedAt`, by global position, read from the API's SQLite event store. */
function recordedAt(path: string, positions: readonly number[]): Map<number, number> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const query = db.prepare<[number], string>('SELECT recorded_at FROM events WHERE position = ?').pluck();
    return new Map(positions.map((position) => [position, Date.parse(query.get(position) ?? '')]));
  } finally {
    db.close();
  }
}
