import { describeWhereServerReachable } from '@crm/test-support';
import { uniqueGroup } from '../../../libs/messaging/src/contract/contract-fixtures';
import { kafkaServerTarget } from '../../../libs/messaging/src/contract/kafka-contract-target';
import { customerActivity } from '../../../libs/projection-runtime/test/support/customer-activity.projection';
import { dumpCollection } from '../../../libs/projection-runtime/test/support/dump-collection';
import { seedActivity } from '../../../libs/projection-runtime/test/support/events';
import { drained, relayToHead } from '../test/support/bus-projector-fixture';
import { kafkaScratch } from '../test/support/kafka-scratch';
import { BusProjector } from './bus-projector';

describeWhereServerReachable(kafkaServerTarget('Kafka projector retention suite'), (connection) => {
  describe('a consumer group lagging past the topic retention (real broker)', () => {
    jest.setTimeout(120_000);

    it('catches up from the event store instead of skipping to the earliest offset', async () => {
      const { events, reads, bus, admin, topics, rebuilt, close } = await kafkaScratch(
        (await connection()).split(','),
        'retention',
      );
      const groupId = uniqueGroup('lagging');
      const relay = () => relayToHead({ source: events, bus, checkpoints: reads, topics });
      const projector = () =>
        new BusProjector({
          definition: customerActivity,
          runOptions: {},
          delivery: 'per-customer',
          bus,
          readStore: reads,
          eventStore: events,
          topics,
          groupId,
          batchSize: 10,
          retryDelayMs: 20,
        });
      try {
        await bus.ensureTopics([
          { name: topics.customerEvents, partitions: 3 },
          { name: topics.orderedEvents, partitions: 1 },
          { name: topics.deadLetters, partitions: 1 },
        ]);
        await seedActivity(events, 30, 3);
        await relay();
        const early = projector();
        await early.start();
        await drained(early);
        await early.stop();

        // The group is away while more events arrive, and retention deletes them before it is back.
        await seedActivity(events, 30, 3, 50, 'missed-');
        await relay();
        const ends = await admin.fetchTopicOffsets(topics.customerEvents);
        await admin.deleteTopicRecords({
          topic: topics.customerEvents,
          partitions: ends.map((entry) => ({ partition: entry.partition, offset: entry.high })),
        });
        await seedActivity(events, 6, 3, 50, 'late-');
        await relay();
        const back = projector();
        await back.start();
        await drained(back);
        await back.stop();

        const clean = await rebuilt();
        expect(clean).toHaveLength(3);
        expect(await dumpCollection(reads, 'customer_activity_v1')).toEqual(clean);
      } finally {
        await close();
      }
    });
  });
});
