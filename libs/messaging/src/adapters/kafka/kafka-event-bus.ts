import { type Admin, Kafka, Partitioners, type Producer } from 'kafkajs';
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
import { startKafkaConsumer } from './kafka-consumer';
import { kafkaLogCreator } from './kafka-log-creator';
import { toKafkaMessage } from './kafka-message';

/**
 * The production event bus on Kafka (kafkajs). Publishing waits for acks from all in-sync replicas
 * (`acks: -1`) from an idempotent producer with one request in flight, so a retry can neither duplicate nor
 * reorder a key's messages; consumers commit offsets by hand after their handler succeeded.
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly log: BusLog;
  private readonly consumers = new Set<BusConsumer>();
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;

  constructor(private readonly options: KafkaEventBusOptions) {
    this.log = options.log ?? silentBusLog;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      logCreator: kafkaLogCreator(this.log),
    });
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    topics.forEach(assertTopicSpec);
    const admin = await this.connectedAdmin();
    try {
      const created = await admin.createTopics({
        waitForLeaders: true,
        topics: topics.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: this.options.replicationFactor ?? -1,
        })),
      });
      this.log('info', created ? 'topics created' : 'topics already exist', { topics });
    } catch (error) {
      // A broker may forbid creating topics (ACLs, managed clusters): they are then an operator's job.
      this.log('warn', 'the broker refused to create topics; going on with the existing ones', {
        topics,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async publish(topic: string, messages: readonly BusMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    await producer.send({ topic, acks: -1, messages: messages.map(toKafkaMessage) });
  }

  async consume(options: ConsumeOptions): Promise<BusConsumer> {
    const consumer = this.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    const started = await startKafkaConsumer(consumer, options);
    const member: BusConsumer = {
      stop: async () => {
        this.consumers.delete(member);
        await started.stop();
      },
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
    this.producer ??= (async () => {
      const idempotent = this.options.idempotent ?? true;
      const producer = this.kafka.producer({
        idempotent,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  private connectedAdmin(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }
}
