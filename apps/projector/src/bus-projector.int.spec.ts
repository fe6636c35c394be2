import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventEnvelope } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { type ConsumedMessage, totalLag } from '@crm/messaging';
import { type EventSource, rebuild } from '@crm/projection-runtime';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { activityEvent, seedActivity } from '../../../libs/projection-runtime/test/support/events';
import { customerActivity } from '../../../libs/projection-runtime/test/support/customer-activity.projection';
import { dumpCollection } from '../../../libs/projection-runtime/test/support/dump-collection';
import { BusProjector } from './bus-projector';
import { DEAD_LETTER_HEADERS } from './dead-letter-message';
import { drained, type Fixture, fixture } from '../test/support/bus-projector-fixture';
import { TOPICS } from '../test/support/pipeline';

/** The event store as it was at `position`: what a rebuild that finished then had seen. */
const logUpTo = (store: EventStore, position: number): EventSource => ({
  readAll: async (options) => (await store.readAll(options)).filter((event) => event.position <= position),
  subscribeToAll: () => {
    throw new Error('a rebuild reads, it does not tail');
  },
  headPosition: async () => Math.min(position, await store.headPosition()),
});

describe('a projection consumed from the bus', () => {
  let f: Fixture;

  beforeEach(async () => {
    f = await fixture();
  });

  afterEach(async () => {
    await Promise.all([f.bus.close(), f.reads.close(), f.events.close()]);
    rmSync(f.dir, { recursive: true, force: true });
  });

  it('sets a poison event aside after its retries, sends it to the dead-letter topic and goes on', async () => {
    await seedActivity(f.events, 60, 6);
    const poison = await f.events.append('customer-c2', [activityEvent('poison-1', 'Poisoned')], 'any');
    const after = await f.events.append('customer-c2', [activityEvent('after-poison', 'Purchased')], 'any');
    await f.relay();
    const projector = f.projector();
    await projector.start();
    await drained(projector);
    const status = await projector.status();
    await projector.stop();

    expect(status).toMatchObject({ delivery: 'per-customer', topic: TOPICS.customerEvents, deadLetters: 1 });
    expect(status.partitions).toHaveLength(TOPICS.partitions);
    const c2 = await f.reads.get('customer_activity', 'c2');
    const applied = c2?.body.revisions as number[];
    expect(applied).toContain(after.nextExpectedRevision);
    expect(applied).not.toContain(poison.nextExpectedRevision);

    const dlq: ConsumedMessage[] = [];
    const reader = await f.bus.consume({
      topic: TOPICS.deadLetters,
      groupId: 'dlq-reader',
      maxBatchSize: 10,
      handle: async (batch) => void dlq.push(...batch.messages),
    });
    while (dlq.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await reader.stop();
    expect(dlq).toHaveLength(1);
    expect(dlq[0].key).toBe('c2');
    expect((JSON.parse(dlq[0].value) as EventEnvelope).id).toBe('poison-1');
    expect(dlq[0].headers).toMatchObject({
      'crm-event-id': 'poison-1',
      'crm-event-type': 'Poisoned',
      [DEAD_LETTER_HEADERS.projection]: 'customer_activity_v1',
      [DEAD_LETTER_HEADERS.attempts]: '3',
      [DEAD_LETTER_HEADERS.error]: 'cannot apply poison-1',
    });
  });

  it('after a rebuild swapped its alias, catches the new collection up from the event store first', async () => {
    await seedActivity(f.events, 40, 4);
    const rebuiltUpTo = await f.events.headPosition();
    await seedActivity(f.events, 20, 4, 50, 'late-');
    await f.relay();
    const first = f.projector();
    await first.start();
    await drained(first);
    await first.stop();

    // The rebuild finished before the late events and swapped the alias after the group had applied them.
    const summary = await rebuild(customerActivity, {
      source: logUpTo(f.events, rebuiltUpTo),
      readStore: f.reads,
    });
    expect(summary).toMatchObject({ swapped: true, shadow: 'customer_activity_v1_r1' });
    await f.events.append('customer-c1', [activityEvent('after-swap', 'Purchased')], 'any');
    await f.relay();
    const second = f.projector();
    await second.start();
    await drained(second);
    await second.stop();

    const clean = SqliteReadStore.open({ path: join(f.dir, 'clean.db') });
    const direct = new BusProjector({
      definition: customerActivity,
      runOptions: {},
      delivery: 'per-customer',
      bus: f.bus,
      readStore: clean,
      eventStore: f.events,
      topics: TOPICS,
      groupId: 'clean',
    });
    await direct.start();
    await drained(direct);
    await direct.stop();
    expect(await dumpCollection(f.reads, 'customer_activity_v1_r1')).toEqual(
      await dumpCollection(clean, 'customer_activity_v1'),
    );
    await clean.close();
  });

  it('keeps the checkpoint meaning "all at or below applied": per-customer leaves it, global order advances it', async () => {
    await seedActivity(f.events, 30, 3);
    await f.relay();
    const head = await f.events.headPosition();
    const perCustomer = f.projector();
    const globalOrder = new BusProjector({
      definition: { ...customerActivity, name: 'activity-in-order' },
      runOptions: {},
      delivery: 'global-order',
      bus: f.bus,
      readStore: f.reads,
      eventStore: f.events,
      topics: TOPICS,
      groupId: 'crm-projection-activity-in-order-v1',
    });
    await Promise.all([perCustomer.start(), globalOrder.start()]);
    await Promise.all([drained(perCustomer), drained(globalOrder)]);
    const statuses = await Promise.all([perCustomer.status(), globalOrder.status()]);
    await Promise.all([perCustomer.stop(), globalOrder.stop()]);

    expect(statuses.map((status) => [status.topic, totalLag(status.partitions)])).toEqual([
      [TOPICS.customerEvents, 0],
      [TOPICS.orderedEvents, 0],
    ]);
    expect((await f.reads.getCheckpoint('customer_activity_v1'))?.position ?? 0).toBe(0);
    expect((await f.reads.getCheckpoint('activity_in_order_v1'))?.position).toBe(head);
  });
});
