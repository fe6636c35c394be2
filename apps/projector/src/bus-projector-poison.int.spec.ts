import { rmSync } from 'node:fs';
import type { EventEnvelope } from '@crm/domain';
import { type BusMessage, type ConsumedMessage, EVENT_HEADERS, type EventBus } from '@crm/messaging';
import type { ReadStore, WriteOperation } from '@crm/read-store';
import { activityEvent, seedActivity } from '../../../libs/projection-runtime/test/support/events';
import { drained, type Fixture, fixture } from '../test/support/bus-projector-fixture';
import { TOPICS } from '../test/support/pipeline';
import type { BusProjector } from './bus-projector';
import { DEAD_LETTER_HEADERS } from './dead-letter-message';

async function deadLetterTopic(f: Fixture, count: number): Promise<ConsumedMessage[]> {
  const dlq: ConsumedMessage[] = [];
  const reader = await f.bus.consume({
    topic: TOPICS.deadLetters,
    groupId: `dlq-reader-${Math.random()}`,
    maxBatchSize: 100,
    handle: async (batch) => void dlq.push(...batch.messages),
  });
  while (dlq.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  await reader.stop();
  return dlq;
}

async function runToEnd(projector: BusProjector) {
  await projector.start();
  await drained(projector);
  const status = await projector.status();
  await projector.stop();
  return status;
}

const revisionsOf = async (f: Fixture, customer: string) =>
  ((await f.reads.get('customer_activity_v1', customer))?.body.revisions as number[] | undefined) ?? [];

describe('poison outside projection code, consumed from the bus', () => {
  let f: Fixture;

  beforeEach(async () => {
    f = await fixture();
    await seedActivity(f.events, 24, 3);
  });

  afterEach(async () => {
    await Promise.all([f.bus.close(), f.reads.close(), f.events.close()]);
    rmSync(f.dir, { recursive: true, force: true });
  });

  it('dead-letters a payload that does not decode after its retries, and goes on', async () => {
    await f.relay();
    const garbled: BusMessage = {
      key: 'c1',
      value: '{"id": "garbled-1", truncated',
      headers: { [EVENT_HEADERS.eventId]: 'garbled-1', [EVENT_HEADERS.type]: 'Purchased' },
    };
    await f.bus.publish(TOPICS.customerEvents, [garbled]);
    await f.events.append('customer-c1', [activityEvent('after-garbled', 'Purchased')], 'any');
    await f.relay();

    const status = await runToEnd(f.projector());

    expect(status.deadLetters).toBe(1);
    expect(await revisionsOf(f, 'c1')).toHaveLength(6 + 1);
    const [letter] = await deadLetterTopic(f, 1);
    expect(letter.value).toBe(garbled.value);
    expect(letter.headers).toMatchObject({
      [EVENT_HEADERS.eventId]: 'garbled-1',
      [DEAD_LETTER_HEADERS.projection]: 'customer_activity_v1',
      [DEAD_LETTER_HEADERS.attempts]: '4',
    });
    expect(letter.headers[DEAD_LETTER_HEADERS.error]).toMatch(/JSON/);
  });

  it('dead-letters an event whose personal data cannot be opened, and applies the others', async () => {
    await f.relay();
    const openEvents = async (events: readonly EventEnvelope[]) => {
      const sealed = events.find((event) => event.id === 'e4');
      if (sealed) throw new Error(`no data key opens ${sealed.id}`);
      return [...events];
    };

    const status = await runToEnd(f.projector(f.events, { openEvents }));

    expect(status.deadLetters).toBe(1);
    const [letter] = await deadLetterTopic(f, 1);
    expect(letter.headers).toMatchObject({
      [EVENT_HEADERS.eventId]: 'e4',
      [DEAD_LETTER_HEADERS.error]: 'no data key opens e4',
    });
    // 24 events over 3 customers, 6 of each customer's 8 of a type the projection handles; e4 is c1's.
    expect(await revisionsOf(f, 'c0')).toHaveLength(6);
    expect(await revisionsOf(f, 'c1')).toHaveLength(6 - 1);
  });

  it('dead-letters the events of a document the read store refuses to write (over 16 MB), and applies the others', async () => {
    await f.relay();
    const refusing = new Proxy(f.reads, {
      get(target, property, receiver) {
        if (property !== 'bulkWrite') return Reflect.get(target, property, receiver) as unknown;
        return async (collection: string, operations: readonly WriteOperation[]) => {
          if (operations.some((op) => op.kind === 'upsert' && op.document.id === 'c2')) {
            throw new Error('BSONObj size: 16793600 is invalid. Size must be between 0 and 16793600(16MB)');
          }
          return target.bulkWrite(collection, operations);
        };
      },
    }) as ReadStore;

    const status = await runToEnd(f.projector(f.events, { readStore: refusing }));

    // c2's 6 events of handled types each write c2; its 2 CampaignOpened events write nothing and pass.
    expect(status.deadLetters).toBe(6);
    expect(await revisionsOf(f, 'c2')).toEqual([]);
    expect(await revisionsOf(f, 'c0')).toHaveLength(6);
    const letters = await deadLetterTopic(f, 6);
    expect(new Set(letters.map((letter) => letter.headers[EVENT_HEADERS.streamId]))).toEqual(
      new Set(['customer-c2']),
    );
  });

  it('publishes a stored dead letter on redelivery even when the fence now skips its event', async () => {
    await f.events.append('customer-c2', [activityEvent('poison-1', 'Poisoned')], 'any');
    await f.events.append('customer-c2', [activityEvent('after-poison', 'Purchased')], 'any');
    await f.relay();
    let refusals = 1;
    const flaky: EventBus = Object.create(f.bus, {
      publish: {
        value: async (topic: string, messages: readonly BusMessage[]) => {
          if (topic === TOPICS.deadLetters && refusals-- > 0) throw new Error('broker unavailable');
          return f.bus.publish(topic, messages);
        },
      },
    }) as EventBus;

    const status = await runToEnd(f.projector(f.events, { bus: flaky, batchSize: 50 }));

    expect(status.deadLetters).toBe(1);
    const [letter] = await deadLetterTopic(f, 1);
    expect(letter.headers[EVENT_HEADERS.eventId]).toBe('poison-1');
  });
});
