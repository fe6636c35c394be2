import { randomBytes } from 'node:crypto';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { describeWhereServerReachable } from '@crm/test-support';
import { MessageTooLargeError } from '../../bus-errors';
import type { BusLogLevel } from '../../bus-log';
import type { BusConsumer } from '../../event-bus';
import { eventually, message, messages, uniqueGroup, uniqueTopic } from '../../contract/contract-fixtures';
import { kafkaServerTarget } from '../../contract/kafka-contract-target';
import { KafkaEventBus } from './kafka-event-bus';

/** Open sockets of this process to `port`: what a client left connected. */
const socketsTo = (port: number): number =>
  (process as unknown as { _getActiveHandles(): { remotePort?: number }[] })
    ._getActiveHandles()
    .filter((handle) => handle.remotePort === port).length;

interface Logged {
  readonly level: BusLogLevel;
  readonly message: string;
  readonly detail?: Record<string, unknown>;
}

describeWhereServerReachable(kafkaServerTarget('Kafka event-bus robustness suite'), (connection) => {
  describe('the Kafka bus on a real broker', () => {
    let brokers: string[];
    let admin: Admin;
    let bus: KafkaEventBus;
    let logged: Logged[];

    beforeAll(async () => {
      brokers = (await connection()).split(',');
      admin = new Kafka({ clientId: 'crm-robustness', brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
    });

    afterAll(() => admin.disconnect());

    beforeEach(() => {
      logged = [];
      bus = new KafkaEventBus({
        brokers,
        clientId: 'crm-robustness',
        replicationFactor: 1,
        log: (level, text, detail) => logged.push({ level, message: text, detail }),
      });
    });

    afterEach(() => bus.close());

    describe('checking topics at start-up', () => {
      it('refuses an ordered topic that has more than one partition', async () => {
        const ordered = uniqueTopic('ordered');
        await admin.createTopics({ waitForLeaders: true, topics: [{ topic: ordered, numPartitions: 3 }] });

        await expect(bus.ensureTopics([{ name: ordered, partitions: 1 }])).rejects.toThrow(
          /must have exactly one partition.*with 3/,
        );
      });

      it('fails on a create error other than "already exists"', async () => {
        const strict = new KafkaEventBus({ brokers, clientId: 'crm-robustness', replicationFactor: 3 });
        try {
          await expect(strict.ensureTopics([{ name: uniqueTopic('rf3'), partitions: 1 }])).rejects.toThrow(
            /INVALID_REPLICATION_FACTOR/,
          );
        } finally {
          await strict.close();
        }
      });

      it('accepts topics that already exist, and reports what an acknowledged message survives', async () => {
        const topics = [
          { name: uniqueTopic('keyed'), partitions: 3 },
          { name: uniqueTopic('ordered'), partitions: 1 },
        ];
        await bus.ensureTopics(topics);
        logged = [];

        await bus.ensureTopics(topics);

        expect(logged.filter((entry) => entry.level === 'error')).toEqual([]);
        const durability = logged.filter((entry) => entry.detail?.minInSyncReplicas !== undefined);
        expect(
          durability.map((entry) => [entry.level, entry.detail?.topic, entry.detail?.partitions]),
        ).toEqual([
          ['warn', topics[0].name, 3],
          ['warn', topics[1].name, 1],
        ]);
        expect(durability[0].detail).toMatchObject({ replicationFactor: 1, minInSyncReplicas: 1 });
      });
    });

    it('leaves no socket open when a consumer fails to subscribe', async () => {
      const port = Number(brokers[0].split(':').pop());
      const before = socketsTo(port);

      await expect(
        bus.consume({
          topic: uniqueTopic('missing'),
          groupId: uniqueGroup('missing'),
          maxBatchSize: 10,
          handle: async () => undefined,
        }),
      ).rejects.toThrow(/does not host this topic-partition/);

      expect(socketsTo(port)).toBe(before);
    });

    it('reports a message over the topic limit as MessageTooLargeError, then publishes again', async () => {
      const topic = uniqueTopic('small');
      await admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '4096' }] }],
      });
      // Random bytes do not compress: GZIP cannot bring 16 KiB under the 4 KiB limit.
      const oversized = { ...message('customer-1', 1), value: randomBytes(16_384).toString('base64') };

      await expect(bus.publish(topic, [oversized])).rejects.toBeInstanceOf(MessageTooLargeError);
      await bus.publish(topic, [message('customer-1', 2)]);

      const [offsets] = await admin.fetchTopicOffsets(topic);
      expect(Number(offsets.high)).toBe(1);
    });

    it('runs the handler on several partitions at once when asked', async () => {
      const topic = uniqueTopic('concurrent');
      await bus.ensureTopics([{ name: topic, partitions: 4 }]);
      await bus.publish(topic, messages(80, 16));
      let inFlight = 0;
      let mostAtOnce = 0;
      let handled = 0;
      const consumer = await bus.consume({
        topic,
        groupId: uniqueGroup('concurrent'),
        maxBatchSize: 5,
        concurrentPartitions: 4,
        handle: async (batch) => {
          mostAtOnce = Math.max(mostAtOnce, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 50));
          inFlight--;
          handled += batch.messages.length;
        },
      });
      await eventually(() => handled >= 80, 60_000);
      await consumer.stop();

      expect(mostAtOnce).toBeGreaterThan(1);
    }, 90_000);

    it('tells which member of a group holds no partition, and since when', async () => {
      const topic = uniqueTopic('one-partition');
      const groupId = uniqueGroup('idle');
      await bus.ensureTopics([{ name: topic, partitions: 1 }]);
      const members: BusConsumer[] = [];
      for (let n = 0; n < 2; n++) {
        members.push(await bus.consume({ topic, groupId, maxBatchSize: 10, handle: async () => undefined }));
      }

      await eventually(() => {
        const partitions = members.map((member) => member.assignment?.().partitions);
        return partitions.includes(1) && partitions.includes(0);
      }, 60_000);

      const idle = members.map((member) => member.assignment?.()).find((a) => a?.partitions === 0);
      expect(idle?.idleSince).toBeLessThanOrEqual(Date.now());
      expect(idle?.settleMs).toBe(30_000);
    }, 90_000);
  });
});
