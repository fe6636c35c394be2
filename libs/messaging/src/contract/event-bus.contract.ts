import type { OpenFactory } from '@crm/test-support';
import { useOpened } from '@crm/test-support';
import { type ConsumedBatch, type EventBus, totalLag } from '../event-bus';
import {
  committedTotal,
  eventually,
  message,
  messages,
  Received,
  sequenceOf,
  uniqueGroup,
  uniqueTopic,
} from './contract-fixtures';

const BATCH = 25;

/** The behaviour every EventBus adapter must show (DESIGN §6: at-least-once, per-key order, resumable groups). */
export function describeEventBusContract(adapter: string, open: OpenFactory<EventBus>): void {
  describe(`EventBus contract: ${adapter}`, () => {
    // A Kafka consumer joins its group in seconds, and several tests start more than one.
    jest.setTimeout(120_000);
    const bus = useOpened(open);

    async function topicWith(label: string, partitions: number, count: number, keys: number) {
      const topic = uniqueTopic(label);
      await bus().ensureTopics([{ name: topic, partitions }]);
      await bus().publish(topic, messages(count, keys));
      return topic;
    }

    it('delivers every message with its key, value and headers, each key in publish order', async () => {
      const topic = await topicWith('order', 4, 200, 7);
      const received = new Received();
      const consumer = await bus().consume({
        topic,
        groupId: uniqueGroup('order'),
        maxBatchSize: BATCH,
        handle: received.handle,
      });
      await eventually(() => received.messages.length >= 200);
      await consumer.stop();

      expect(received.messages.map(sequenceOf).sort((a, b) => a - b)).toEqual([...Array(200).keys()]);
      for (let key = 0; key < 7; key++) {
        const ofKey = received.messages.filter((m) => m.key === `customer-${key}`).map(sequenceOf);
        expect(ofKey).toEqual([...ofKey].sort((a, b) => a - b));
      }
      const first = received.messages.find((m) => sequenceOf(m) === 0);
      expect(first).toMatchObject({ key: 'customer-0', headers: { 'crm-n': '0', 'crm-key': 'customer-0' } });
      expect(received.batches.every((batch) => batch.messages.length <= BATCH)).toBe(true);
    });

    it('keeps one key in one partition and spreads many keys over several', async () => {
      const topic = await topicWith('partitions', 4, 120, 40);
      const received = new Received();
      const consumer = await bus().consume({
        topic,
        groupId: uniqueGroup('partitions'),
        maxBatchSize: BATCH,
        handle: received.handle,
      });
      await eventually(() => received.messages.length >= 120);
      await consumer.stop();

      const partitionsOfKey = new Map<string, Set<number>>();
      for (const batch of received.batches) {
        for (const m of batch.messages) {
          const seen = partitionsOfKey.get(m.key) ?? new Set<number>();
          partitionsOfKey.set(m.key, seen.add(batch.partition));
        }
      }
      expect([...partitionsOfKey.values()].every((partitions) => partitions.size === 1)).toBe(true);
      expect(new Set(received.batches.map((batch) => batch.partition)).size).toBeGreaterThan(1);
    });

    it('resumes a group from its committed offsets, and other groups read everything on their own', async () => {
      const topic = await topicWith('resume', 2, 60, 5);
      const group = uniqueGroup('resume');
      const first = new Received();
      const consumer = await bus().consume({ topic, groupId: group, maxBatchSize: 10, handle: first.handle });
      await eventually(() => first.messages.length >= 60);
      await consumer.stop();
      expect(totalLag(await bus().groupLag(group, topic))).toBe(0);

      await bus().publish(topic, [message('customer-1', 60), message('customer-2', 61)]);
      expect(totalLag(await bus().groupLag(group, topic))).toBe(2);
      const second = new Received();
      const resumed = await bus().consume({ topic, groupId: group, maxBatchSize: 10, handle: second.handle });
      const other = new Received();
      const otherGroup = await bus().consume({
        topic,
        groupId: uniqueGroup('other'),
        maxBatchSize: 10,
        handle: other.handle,
      });
      await eventually(() => second.messages.length >= 2 && other.messages.length >= 62);
      await Promise.all([resumed.stop(), otherGroup.stop()]);

      expect(second.messages.map(sequenceOf).sort((a, b) => a - b)).toEqual([60, 61]);
      expect(other.messages).toHaveLength(62);
    });

    it('hands over one batch of a partition at a time, in offset order, however many partitions it may run at once', async () => {
      const topic = await topicWith('concurrent', 4, 120, 40);
      const inFlight = new Set<number>();
      let overlapping = 0;
      const received = new Received();
      const consumer = await bus().consume({
        topic,
        groupId: uniqueGroup('concurrent'),
        maxBatchSize: 5,
        concurrentPartitions: 4,
        handle: async (batch) => {
          if (inFlight.has(batch.partition)) overlapping++;
          inFlight.add(batch.partition);
          await new Promise((resolve) => setTimeout(resolve, 10));
          inFlight.delete(batch.partition);
          await received.handle(batch);
        },
      });
      await eventually(() => received.messages.length >= 120);
      await consumer.stop();

      expect(overlapping).toBe(0);
      expect(received.messages.map(sequenceOf).sort((a, b) => a - b)).toEqual([...Array(120).keys()]);
      for (let partition = 0; partition < 4; partition++) {
        const offsets = received.batches
          .filter((batch) => batch.partition === partition)
          .flatMap((batch) => batch.messages.map((m) => m.offset));
        expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      }
    });

    it('commits nothing for a batch whose handler failed and delivers that batch again', async () => {
      const topic = await topicWith('retry', 1, 5, 1);
      const group = uniqueGroup('retry');
      const attempts: ConsumedBatch[] = [];
      const consumer = await bus().consume({
        topic,
        groupId: group,
        maxBatchSize: 5,
        retryDelayMs: 50,
        handle: async (batch) => {
          attempts.push(batch);
          if (attempts.length === 1) {
            expect(await committedTotal(bus(), group, topic)).toBe(0);
            throw new Error('read store unavailable');
          }
        },
      });
      await eventually(() => attempts.length >= 2);
      await eventually(async () => totalLag(await bus().groupLag(group, topic)) === 0);
      await consumer.stop();

      expect(attempts[1].messages.map(sequenceOf)).toEqual(attempts[0].messages.map(sequenceOf));
      expect(await committedTotal(bus(), group, topic)).toBe(5);
    });

    it('stops after the batch in hand, with that batch committed', async () => {
      const topic = await topicWith('stop', 1, 40, 1);
      const group = uniqueGroup('stop');
      let handled = 0;
      let holdingBatch = false;
      let release: () => void = () => undefined;
      const holding = new Promise<void>((resolve) => (release = resolve));
      const consumer = await bus().consume({
        topic,
        groupId: group,
        maxBatchSize: 10,
        handle: async (batch) => {
          if (handled === 0) {
            holdingBatch = true;
            await holding;
          }
          handled += batch.messages.length;
        },
      });
      await eventually(() => holdingBatch);
      const stopped = consumer.stop();
      release();
      await stopped;

      expect(handled).toBeGreaterThanOrEqual(10);
      expect(await committedTotal(bus(), group, topic)).toBe(handled);
    });

    it('creates topics idempotently and reports the lag of a group that has read nothing', async () => {
      const topic = uniqueTopic('lag');
      await bus().ensureTopics([{ name: topic, partitions: 3 }]);
      await bus().ensureTopics([{ name: topic, partitions: 3 }]);
      await bus().publish(topic, messages(30, 10));

      const lag = await bus().groupLag(uniqueGroup('idle'), topic);
      expect(lag.map((partition) => partition.partition)).toEqual([0, 1, 2]);
      expect(lag.every((partition) => partition.committed === null && partition.earliest === 0)).toBe(true);
      expect(totalLag(lag)).toBe(30);
    });
  });
}
