import type { Admin, Consumer, Producer, ProducerConfig, ProducerRecord } from 'kafkajs';
import type { KafkaClient } from '../kafka-event-bus';

/** A kafkajs client stand-in for the bus's own handling logic: every client records connects and disconnects. */
export class FakeClient {
  connects = 0;
  disconnects = 0;
  readonly sent: ProducerRecord[] = [];

  constructor(
    readonly failing: { connect?: Error; subscribe?: Error; send?: Error[] } = {},
    public config?: ProducerConfig,
  ) {}

  async connect(): Promise<void> {
    this.connects++;
    if (this.failing.connect) throw this.failing.connect;
  }

  async disconnect(): Promise<void> {
    this.disconnects++;
  }

  async subscribe(): Promise<void> {
    if (this.failing.subscribe) throw this.failing.subscribe;
  }

  async send(record: ProducerRecord): Promise<[]> {
    const failure = this.failing.send?.shift();
    if (failure) throw failure;
    this.sent.push(record);
    return [];
  }

  readonly events = { GROUP_JOIN: 'consumer.group_join' };
  on(): void {}
  async run(): Promise<void> {}
}

/** Hands out the next prepared client for each `producer()` / `admin()` / `consumer()` call. */
export function fakeKafka(clients: FakeClient[]): { kafka: KafkaClient; created: FakeClient[] } {
  const created: FakeClient[] = [];
  const next = (config?: ProducerConfig) => {
    const client = clients.shift() ?? new FakeClient();
    created.push(Object.assign(client, { config }));
    return client;
  };
  const kafka = {
    producer: (config?: ProducerConfig) => next(config) as unknown as Producer,
    admin: () => next() as unknown as Admin,
    consumer: () => next() as unknown as Consumer,
  } as KafkaClient;
  return { kafka, created };
}

/** What kafkajs's retrier throws once a broker error is not retriable: the protocol error as `cause`. */
export function nonRetriable(type: string): Error {
  const protocol = Object.assign(new Error(type), { type, retriable: false });
  return Object.assign(new Error(type), {
    name: 'KafkaJSNonRetriableError',
    retriable: false,
    cause: protocol,
  });
}
