import { type Admin, CompressionTypes, Kafka, Partitioners, type Producer, type RetryOptions } from 'kafkajs';
import { MessageTooLargeError } from '../../bus-errors';
import { type BusLog, silentBusLog } from '../../bus-log';
import type {
  BusConsumer,
  BusMessage,
  ConsumeOptions,
  EventBus,
  PartitionLag,
  TopicSpec,
} from '../../event-bus';
import { assertTopicSpec } from '../../topic-name';
import type { KafkaEventBusOptions } from './kafka-event-bus-options';
import { startedOrClosed } from './kafka-connect';
import { KAFKA_SESSION_TIMEOUT_MS, startKafkaConsumer } from './kafka-consumer';
import { errorText, isTooLarge } from './kafka-errors';
import { kafkaLogCreator } from './kafka-log-creator';
import { toKafkaMessage } from './kafka-message';
import { ensureKafkaTopics } from './kafka-topics';

/** The part of kafkajs's `Kafka` the bus uses; tests hand in a fake to drive broker failures. */
export type KafkaClient = Pick<Kafka, 'producer' | 'admin' | 'consumer'>;

/**
 * kafkajs's producer means to retry an idempotent send without end (`retries: Number.MAX_SAFE_INTEGER` in
 * producer/index.js), but `Kafka#producer` always passes `{ ...clusterRetry, ...retry }`, an object, so that
 * default never applies and the cluster's `retries: 5` does. Stated here: a send is retried up to 8 times
 * over about a minute (300 ms doubling, capped at 30 s per wait); then the caller retries the whole batch
 * on a fresh producer (see `publish`), and the projectors' version fence drops what that duplicates.
 */
export const PRODUCER_RETRY: RetryOptions = { retries: 8, initialRetryTime: 300, maxRetryTime: 30_000 };

/**
 * The production event bus on Kafka (kafkajs). Publishing waits for acks from all in-sync replicas
 * (`acks: -1`) from an idempotent producer with one request in flight, so a retry can neither duplicate nor
 * reorder a key's messages; consumers commit offsets by hand after their handler succeeded.
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: KafkaClient;
  private readonly log: BusLog;
  private readonly consumers = new Set<BusConsumer>();
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;

  constructor(
    private readonly options: KafkaEventBusOptions,
    kafka?: KafkaClient,
  ) {
    this.log = options.log ?? silentBusLog;
    this.kafka =
      kafka ??
      new Kafka({
        clientId: options.clientId,
        brokers: [...options.brokers],
        logCreator: kafkaLogCreator(this.log),
      });
  }

  /** Creates missing topics, then checks each as the broker has it (see `ensureKafkaTopics`). */
  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    topics.forEach(assertTopicSpec);
    const admin = await this.connectedAdmin();
    await ensureKafkaTopics(admin, topics, this.options.replicationFactor ?? -1, this.log);
  }

  /**
   * GZIP is the one codec kafkajs carries without a plugin. Any failed send drops the cached producer: after a
   * non-retriable error (OUT_OF_ORDER_SEQUENCE_NUMBER, an exhausted retry) its idempotence state is out of
   * step with the broker's, and every later send on it would fail the same way. The next publish starts a
   * fresh producer with a new producer id.
   */
  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const cached = this.connectedProducer();
    const producer = await cached;
    try {
      await producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.GZIP,
        messages: messages.map(toKafkaMessage),
      });
    } catch (error) {
      await this.dropProducer(cached, error);
      if (isTooLarge(error)) throw new MessageTooLargeError(topic, messages.length, { cause: error });
      throw error;
    }
  }

  async consume(options: ConsumeOptions): Promise<BusConsumer> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: KAFKA_SESSION_TIMEOUT_MS,
    });
    const started = await startKafkaConsumer(consumer, options);
    const member: BusConsumer = {
      stop: async () => {
        this.consumers.delete(member);
        await started.stop();
      },
      assignment: started.assignment,
    };
    this.consumers.add(member);
    return member;
  }

  async groupLag(groupId: string, topic: string): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const [ends, [committed]] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    const committedBy = new Map(
      (committed?.partitions ?? []).map((entry) => [entry.partition, Number(entry.offset)]),
    );
    return ends
      .map((entry) => {
        const end = Number(entry.high);
        const offset = committedBy.get(entry.partition) ?? -1;
        // -1: the group has committed nothing here and will start at the earliest retained offset.
        const next = offset >= 0 ? offset : null;
        const earliest = Number(entry.low);
        return { partition: entry.partition, committed: next, earliest, end, lag: end - (next ?? earliest) };
      })
      .sort((a, b) => a.partition - b.partition);
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    if (this.producer) await (await this.producer).disconnect();
    if (this.admin) await (await this.admin).disconnect();
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= startedOrClosed(
      this.kafka.producer({
        idempotent: this.options.idempotent ?? true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: PRODUCER_RETRY,
      }),
      (producer) => producer.connect(),
    ).catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private async dropProducer(failed: Promise<Producer>, error: unknown): Promise<void> {
    if (this.producer !== failed) return;
    this.producer = undefined;
    this.log('warn', 'send failed; the producer is replaced by a fresh one', { error: errorText(error) });
    await (await failed).disconnect().catch(() => undefined);
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= startedOrClosed(this.kafka.admin(), (admin) => admin.connect()).catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }
}
