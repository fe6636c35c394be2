import { describeWhereServerReachable } from '@crm/test-support';
import { uniqueGroup } from '../../../libs/messaging/src/contract/contract-fixtures';
import { kafkaServerTarget } from '../../../libs/messaging/src/contract/kafka-contract-target';
import { customerActivity } from '../../../libs/projection-runtime/test/support/customer-activity.projection';
import { dumpCollection } from '../../../libs/projection-runtime/test/support/dump-collection';
import { sizedEvent } from '../../relay/test/support/relay-fixture';
import { drained, relayToHead } from '../test/support/bus-projector-fixture';
import { kafkaScratch } from '../test/support/kafka-scratch';
import { BusProjector } from './bus-projector';

const TOPIC_LIMIT_BYTES = 8_192;

describeWhereServerReachable(kafkaServerTarget('Kafka oversized-event suite'), (connection) => {
  describe('events larger than the topics allow (real broker)', () => {
    jest.setTimeout(120_000);

    it('reach the read model: runs are halved, an event too large alone travels by reference', async () => {
      const { events, reads, bus, admin, topics, rebuilt, close } = await kafkaScratch(
        (await connection()).split(','),
        'oversized',
      );
      try {
        const limited = [{ name: 'max.message.bytes', value: String(TOPIC_LIMIT_BYTES) }];
        await admin.createTopics({
          waitForLeaders: true,
          topics: [
            { topic: topics.customerEvents, numPartitions: 2, configEntries: limited },
            { topic: topics.orderedEvents, numPartitions: 1, configEntries: limited },
            { topic: topics.deadLetters, numPartitions: 1 },
          ],
        });
        // 3 kB of random text each: GZIP cannot fit a run of 500 under 8 kB, nor the 40 kB event alone.
        const sizes = [...Array.from({ length: 12 }, () => 3_000), 40_000, 3_000];
        for (const [n, bytes] of sizes.entries()) {
          await events.append(`customer-c${n % 3}`, [sizedEvent(`e${n}`, bytes, 'Purchased')], 'any');
        }
        const oversized: number[] = [];
        await relayToHead({
          source: events,
          bus,
          checkpoints: reads,
          topics,
          onOversized: (event) => oversized.push(event.position),
        });
        expect(oversized).toEqual([13]);

        const projector = new BusProjector({
          definition: customerActivity,
          runOptions: {},
          delivery: 'per-customer',
          bus,
          readStore: reads,
          eventStore: events,
          topics,
          groupId: uniqueGroup('oversized'),
          retryDelayMs: 20,
        });
        await projector.start();
        await drained(projector);
        const status = await projector.status();
        await projector.stop();

        expect(status.deadLetters).toBe(0);
        const clean = await rebuilt();
        expect(clean.join()).toContain('"events":5');
        expect(await dumpCollection(reads, 'customer_activity_v1')).toEqual(clean);
      } finally {
        await close();
      }
    });
  });
});
