import { CompressionTypes } from 'kafkajs';
import { MessageTooLargeError } from '../../bus-errors';
import { KafkaEventBus, PRODUCER_RETRY } from './kafka-event-bus';
import { FakeClient, fakeKafka, nonRetriable } from './test/fake-kafka';

const options = { brokers: ['127.0.0.1:1'], clientId: 'crm-unit' };
const message = { key: 'customer-1', value: '{}', headers: {} };
const brokerDown = () => new Error('Connection error: connect ECONNREFUSED');

describe('the Kafka bus over a failing broker', () => {
  describe('a client that fails to start is disconnected', () => {
    it('closes a producer whose connect failed, and connects a fresh one on the next publish', async () => {
      const failed = new FakeClient({ connect: brokerDown() });
      const { kafka, created } = fakeKafka([failed]);
      const bus = new KafkaEventBus(options, kafka);

      await expect(bus.publish('crm.customer-events', [message])).rejects.toThrow('ECONNREFUSED');
      await bus.publish('crm.customer-events', [message]);

      expect(failed.disconnects).toBe(1);
      expect(created).toHaveLength(2);
      expect(created[1].sent).toHaveLength(1);
    });

    it('closes an admin whose connect failed', async () => {
      const failed = new FakeClient({ connect: brokerDown() });
      const bus = new KafkaEventBus(options, fakeKafka([failed]).kafka);

      await expect(bus.groupLag('crm-group', 'crm.customer-events')).rejects.toThrow('ECONNREFUSED');

      expect(failed.disconnects).toBe(1);
    });

    it.each([
      ['connect', { connect: brokerDown() }],
      ['subscribe', { subscribe: new Error('This server does not host this topic-partition') }],
    ])('closes a consumer whose %s failed', async (_step, failing) => {
      const failed = new FakeClient(failing);
      const bus = new KafkaEventBus(options, fakeKafka([failed]).kafka);

      await expect(
        bus.consume({ topic: 't', groupId: 'g', maxBatchSize: 10, handle: async () => undefined }),
      ).rejects.toThrow();

      expect(failed.disconnects).toBe(1);
    });
  });

  describe('a failed send', () => {
    it('replaces the producer after OUT_OF_ORDER_SEQUENCE_NUMBER', async () => {
      const broken = new FakeClient({ send: [nonRetriable('OUT_OF_ORDER_SEQUENCE_NUMBER')] });
      const { kafka, created } = fakeKafka([broken]);
      const bus = new KafkaEventBus(options, kafka);

      await expect(bus.publish('crm.customer-events', [message])).rejects.toThrow('OUT_OF_ORDER');
      await bus.publish('crm.customer-events', [message]);

      expect(broken.disconnects).toBe(1);
      expect(created).toHaveLength(2);
      expect(created[1].sent).toHaveLength(1);
    });

    it('reports MESSAGE_TOO_LARGE as a MessageTooLargeError, which no retry can fix', async () => {
      const { kafka } = fakeKafka([new FakeClient({ send: [nonRetriable('MESSAGE_TOO_LARGE')] })]);
      const bus = new KafkaEventBus(options, kafka);

      const refused = bus.publish('crm.customer-events', [message, message]);

      await expect(refused).rejects.toBeInstanceOf(MessageTooLargeError);
      await expect(refused).rejects.toMatchObject({ topic: 'crm.customer-events', messages: 2 });
    });
  });

  it('states the producer retry count and compresses with GZIP', async () => {
    const { kafka, created } = fakeKafka([]);
    const bus = new KafkaEventBus(options, kafka);

    await bus.publish('crm.customer-events', [message]);

    expect(created[0].config).toMatchObject({
      idempotent: true,
      maxInFlightRequests: 1,
      retry: PRODUCER_RETRY,
    });
    expect(PRODUCER_RETRY.retries).toBe(8);
    expect(created[0].sent[0]).toMatchObject({ acks: -1, compression: CompressionTypes.GZIP });
  });
});
