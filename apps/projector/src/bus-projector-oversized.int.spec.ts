import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { CustomerKeys, KafkaEventBus } from '@crm/messaging';
import { ProjectionRunner } from '@crm/projection-runtime';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { describeWhereServerReachable } from '@crm/test-support';
import { uniqueGroup, uniqueTopic } from '../../../libs/messaging/src/contract/contract-fixtures';
import { kafkaServerTarget } from '../../../libs/messaging/src/contract/kafka-contract-target';
import { customerActivity } from '../../../libs/projection-runtime/test/support/customer-activity.projection';
import { dumpCollection } from '../../../libs/projection-runtime/test/support/dump-collection';
import { EventRelay } from '../../relay/src/event-relay';
import { sizedEvent } from '../../relay/test/support/relay-fixture';
import { drained } from '../test/support/bus-projector-fixture';
import { BusProjector } from './bus-projector';

const TOPIC_LIMIT_BYTES = 8_192;

describeWhereServerReachable(kafkaServerTarget('Kafka oversized-event suite'), (connection) => {
  describe('events larger than the topics allow (real broker)', () => {
    jest.setTimeout(120_000);

    it('reach the read model: runs are halved, an event too large alone travels by reference', async () => {
      const brokers = (await connection()).split(',');
      const dir = mkdtempSync(join(tmpdir(), 'crm-oversized-'));
      const events = SqliteEventStore.open({ path: join(dir, 'events.db') });
      const reads = SqliteReadStore.open({ path: join(dir, 'reads.db') });
      const clean = SqliteReadStore.open({ path: join(dir, 'clean.db') });
      const bus = new KafkaEventBus({ brokers, clientId: 'crm-oversized', replicationFactor: 1 });
      const admin = new Kafka({ clientId: 'crm-oversized', brokers, logLevel: logLevel.NOTHING }).admin();
      const topics = {
        customerEvents: uniqueTopic('customers'),
        orderedEvents: uniqueTopic('ordered'),
        deadLetters: uniqueTopic('dlq'),
      };
      try {
        await admin.connect();
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
        await new EventRelay({
          source: events,
          keys: new CustomerKeys(events),
          bus,
          checkpoints: reads,
          topics,
          onOversized: (event) => oversized.push(event.position),
        }).runUntil(await events.headPosition());
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
        await new ProjectionRunner({
          definition: customerActivity,
          source: events,
          readStore: clean,
        }).catchUp();
        const rebuilt = await dumpCollection(clean, 'customer_activity_v1');
        expect(rebuilt.join()).toContain('"events":5');
        expect(await dumpCollection(reads, 'customer_activity_v1')).toEqual(rebuilt);
      } finally {
        await Promise.all([bus.close(), admin.disconnect()]);
        await Promise.all([reads.close(), clean.close(), events.close()]);
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
