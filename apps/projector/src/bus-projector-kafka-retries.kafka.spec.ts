import type { EventEnvelope } from '@crm/domain';
import type { ConsumeOptions, EventBus } from '@crm/messaging';
import { kafkaServerTarget } from '@crm/messaging/contract/kafka-contract-target';
import { uniqueTopic } from '@crm/messaging/contract/contract-fixtures';
import { describeWhereServerReachable } from '@crm/test-support';
import { customerActivity } from '../../../libs/projection-runtime/test/support/customer-activity.projection';
import { seedActivity } from '../../../libs/projection-runtime/test/support/events';
import { relayToHead } from '../test/support/bus-projector-fixture';
import { type KafkaScratch, kafkaScratch } from '../test/support/kafka-scratch';
import { BusProjector } from './bus-projector';

const CUSTOMERS = 8;
const PARTITIONS = 4;

/** One event of each customer that no data key opens: every partition holding a customer has a failing batch. */
const unopenable = new Set(Array.from({ length: CUSTOMERS }, (_, i) => `e${CUSTOMERS + i}`));

async function openEvents(events: readonly EventEnvelope[]): Promise<EventEnvelope[]> {
  const sealed = events.find((event) => unopenable.has(event.id));
  if (sealed) throw new Error(`no data key opens ${sealed.id}`);
  return [...events];
}

/** The bus as given, noting the partition of every batch its handler failed. */
function noticingFailures(bus: EventBus, failedOn: Set<number>): EventBus {
  return Object.create(bus, {
    consume: {
      value: (options: ConsumeOptions) =>
        bus.consume({
          ...options,
          handle: async (batch) => {
            try {
              await options.handle(batch);
            } catch (error) {
              failedOn.add(batch.partition);
              throw error;
            }
          },
        }),
    },
  }) as EventBus;
}

describeWhereServerReachable(kafkaServerTarget('Kafka projector retry suite'), (connection) => {
  describe('a projector retrying failed batches of several partitions at once (real broker)', () => {
    let scratch: KafkaScratch;

    beforeEach(async () => {
      scratch = await kafkaScratch((await connection()).split(','), 'retries');
    });

    afterEach(() => scratch.close());

    it('counts each partition’s tries apart, so every failing batch is set aside after its own retries', async () => {
      const { events, reads, bus, topics } = scratch;
      await bus.ensureTopics([
        { name: topics.customerEvents, partitions: PARTITIONS },
        { name: topics.orderedEvents, partitions: 1 },
        { name: topics.deadLetters, partitions: 1 },
      ]);
      await seedActivity(events, CUSTOMERS * 4, CUSTOMERS);
      await relayToHead({ source: events, bus, checkpoints: reads, topics });
      const failedOn = new Set<number>();
      const projector = new BusProjector({
        definition: customerActivity,
        runOptions: {},
        delivery: 'per-customer',
        bus: noticingFailures(bus, failedOn),
        readStore: reads,
        eventStore: events,
        topics,
        groupId: uniqueTopic('retries-group'),
        openEvents,
        concurrentPartitions: PARTITIONS,
        maxAttempts: 3,
        retryDelayMs: 50,
      });

      await projector.start();
      let status = await projector.status();
      const deadline = Date.now() + 60_000;
      while ((status.lagMessages > 0 || status.deadLetters < CUSTOMERS) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = await projector.status();
      }
      await projector.stop();

      // The premise: batches of several partitions failed in the same stretch of time.
      expect(failedOn.size).toBeGreaterThan(1);
      expect(status.deadLetters).toBe(CUSTOMERS);
      expect(status.lagMessages).toBe(0);
      const letters = await reads.find('dead_letters', { limit: 100 });
      expect(new Set(letters.items.map((letter) => letter.body.eventId))).toEqual(unopenable);
      expect(letters.items.every((letter) => letter.body.attempts === 4)).toBe(true);
    }, 90_000);
  });
});
