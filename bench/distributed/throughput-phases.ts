import { join } from 'node:path';
import type { ProjectionDefinition } from '@crm/domain';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { KafkaEventBus } from '@crm/messaging';
import { type BusTopics, projectionDelivery } from '@crm/platform';
import { collectionName } from '@crm/projection-runtime';
import { MongoReadStore } from '@crm/read-store/adapters/mongo';
import { MongoClient } from 'mongodb';
import { type ProjectionPhaseResult, projectionThroughput } from './projection-throughput';
import { rawBulkUpsert, type RawUpsertResult } from './raw-bulk-upsert';
import { rawConsume, rawProduce, type RawResult } from './raw-kafka';
import { relayMessages, type RelayPhaseResult, relayThroughput } from './relay-throughput';
import { openProtection, type SealedLog, sealedLog } from './sealed-log';
import type { RunNames, TestServers } from './test-servers';

export interface ThroughputOptions {
  readonly servers: TestServers;
  readonly names: RunNames;
  readonly dir: string;
  readonly events: number;
  readonly batchSize: number;
  readonly partitions: number;
  readonly definitions: readonly ProjectionDefinition[];
  readonly deadlineMs: number;
  readonly log: (line: string) => void;
}

export interface ProjectionMeasurement {
  readonly projection: ProjectionPhaseResult;
  /** Per-customer projections only: raw upserts of documents the size of the ones it wrote. */
  readonly rawUpsert?: RawUpsertResult;
}

export interface ThroughputResults {
  readonly seeded: SealedLog;
  readonly rawProduce: RawResult;
  readonly relay: RelayPhaseResult;
  readonly rawConsume: { readonly partitioned: RawResult; readonly ordered: RawResult };
  readonly projections: readonly ProjectionMeasurement[];
}

/** Documents sampled to size a projection's raw-upsert baseline. */
const SIZE_SAMPLE = 2_000;

/**
 * Each stage alone, in this process, over one seeded log: the raw producer, then the relay filling the
 * topics, the raw consumer reading them, then each projection reading them in a group of its own, each
 * followed by raw upserts of its documents' size. One stage runs at a time, so none takes CPU from another.
 */
export async function throughputPhases(options: ThroughputOptions): Promise<ThroughputResults> {
  const { servers, names, log, events, batchSize, deadlineMs } = options;
  const topics: BusTopics = {
    customerEvents: names.topic('customer-events'),
    orderedEvents: names.topic('customer-events.ordered'),
    deadLetters: names.topic('customer-events.dlq'),
    partitions: options.partitions,
  };
  const protection = await openProtection(servers.mongoUrl, names.database('keys'));
  const reads = await MongoReadStore.connect({
    url: servers.mongoUrl,
    databaseName: names.database('reads'),
  });
  const mongo = await new MongoClient(servers.mongoUrl).connect();
  const bus = new KafkaEventBus({ brokers: servers.brokers, clientId: names.prefix });
  let source: SqliteEventStore | undefined;
  try {
    log(`seeding ${events} demo events, personal fields sealed (not measured)`);
    const seeded = await sealedLog(join(options.dir, 'events.db'), events, protection);
    source = SqliteEventStore.open({ path: seeded.path });

    log('raw kafkajs produce');
    const rawProduced = await rawProduce(
      servers.brokers,
      {
        partitioned: names.topic('raw'),
        ordered: names.topic('raw.ordered'),
        partitions: options.partitions,
      },
      await relayMessages(source, batchSize),
    );
    log('relay');
    await bus.ensureTopics([
      { name: topics.customerEvents, partitions: topics.partitions },
      { name: topics.orderedEvents, partitions: 1 },
      { name: topics.deadLetters, partitions: 1 },
    ]);
    const relay = await relayThroughput(source, bus, reads, topics, batchSize);
    log('raw kafkajs consume');
    const consume = (topic: string, group: string) =>
      rawConsume(servers.brokers, topic, names.group(group), relay.events, batchSize, deadlineMs);
    const rawConsumed = {
      partitioned: await consume(topics.customerEvents, 'raw-partitioned'),
      ordered: await consume(topics.orderedEvents, 'raw-ordered'),
    };

    const projections: ProjectionMeasurement[] = [];
    for (const definition of options.definitions) {
      log(`projection ${definition.name}`);
      const projection = await projectionThroughput({
        definition,
        bus,
        readStore: reads,
        eventStore: source,
        cipher: protection.cipher(),
        topics,
        groupId: names.group(`projection-${definition.name}`),
        events: relay.events,
        batchSize,
        deadlineMs,
      });
      if (projectionDelivery(definition) !== 'per-customer') {
        projections.push({ projection });
        continue;
      }
      const bodies = await mongo
        .db(names.database('reads'))
        .collection(collectionName(definition))
        .find({ deleted: false }, { projection: { body: 1 }, limit: SIZE_SAMPLE })
        .toArray();
      log(`raw bulk upsert, ${definition.name}'s document size`);
      const rawUpsert = await rawBulkUpsert({
        db: mongo.db(names.database('raw')),
        collection: `raw_${collectionName(definition)}`,
        bodies: bodies.map((document) => document.body as object),
        upserts: relay.events,
        batchSize,
        deadlineMs,
      });
      projections.push({ projection, rawUpsert });
    }
    return { seeded, rawProduce: rawProduced, relay, rawConsume: rawConsumed, projections };
  } finally {
    await bus.close();
    await Promise.all([reads.close(), mongo.close(), protection.close(), source?.close()]);
  }
}
