import { CompressionTypes, type EachBatchPayload, Kafka, logLevel, Partitioners } from 'kafkajs';
import type { BusMessage } from '@crm/messaging';

export interface RawTopics {
  readonly partitioned: string;
  readonly ordered: string;
  readonly partitions: number;
}

export interface RawResult {
  /** Events: a produced event is acknowledged on both topics, a consumed one is read from one. */
  readonly events: number;
  readonly seconds: number;
}

const rawKafka = (brokers: readonly string[], clientId: string): Kafka =>
  new Kafka({ clientId, brokers: [...brokers], logLevel: logLevel.NOTHING });

/**
 * Plain kafkajs with the relay's producer settings (libs/messaging/src/adapters/kafka/kafka-event-bus.ts):
 * idempotent, one request in flight, `acks: -1`, GZIP, the default partitioner. It sends the
 * relay's own messages in the relay's batches, each to the partitioned topic and then to the ordered one,
 * and does nothing else: the ceiling for the relay on this broker.
 */
export async function rawProduce(
  brokers: readonly string[],
  topics: RawTopics,
  batches: readonly (readonly BusMessage[])[],
): Promise<RawResult> {
  const kafka = rawKafka(brokers, 'bench-raw-produce');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic: topics.partitioned, numPartitions: topics.partitions, replicationFactor: -1 },
      { topic: topics.ordered, numPartitions: 1, replicationFactor: -1 },
    ],
  });
  await admin.disconnect();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const started = performance.now();
    let events = 0;
    for (const batch of batches) {
      const messages = batch.map((m) => ({ key: m.key, value: m.value, headers: { ...m.headers } }));
      await producer.send({
        topic: topics.partitioned,
        acks: -1,
        compression: CompressionTypes.GZIP,
        messages,
      });
      await producer.send({ topic: topics.ordered, acks: -1, compression: CompressionTypes.GZIP, messages });
      events += batch.length;
    }
    return { events, seconds: (performance.now() - started) / 1000 };
  } finally {
    await producer.disconnect();
  }
}

/**
 * Plain kafkajs consuming `topic` from its start in a new group, as our consumer does
 * (libs/messaging/src/adapters/kafka/kafka-consumer.ts: `eachBatch`, offsets resolved and committed by hand
 * per chunk of `chunkSize`, a heartbeat after each), but with no handler: the ceiling for a projection.
 * The clock starts at the first batch, so joining the group is not counted.
 */
export async function rawConsume(
  brokers: readonly string[],
  topic: string,
  groupId: string,
  expected: number,
  chunkSize: number,
  deadlineMs: number,
): Promise<RawResult> {
  const consumer = rawKafka(brokers, 'bench-raw-consume').consumer({
    groupId,
    allowAutoTopicCreation: false,
  });
  let firstAt: number | undefined;
  let lastAt = 0;
  let consumed = 0;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const eachBatch = async (payload: EachBatchPayload): Promise<void> => {
    firstAt ??= performance.now();
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets } = payload;
    for (let start = 0; start < batch.messages.length; start += chunkSize) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(start, start + chunkSize);
      for (const message of chunk) void message.value?.toString();
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary(uncommittedOffsets());
      await heartbeat();
      consumed += chunk.length;
      lastAt = performance.now();
    }
    if (consumed >= expected) finished();
  };
  await consumer.connect();
  const timer = setTimeout(finished, deadlineMs);
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 1,
      eachBatch,
    });
    await done;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
  }
  return { events: consumed, seconds: firstAt === undefined ? 0 : (lastAt - firstAt) / 1000 };
}
