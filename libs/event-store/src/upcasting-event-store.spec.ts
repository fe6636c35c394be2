import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope, NewEvent } from '@crm/domain';
import { requiredMethodsOf } from '../test/support/required-methods';
import { testEvent } from '../test/support/test-event';
import { SqliteEventStore } from './adapters/sqlite';
import { UpcastingEventStore } from './upcasting-event-store';

/** Toy schema change: v1 `Purchased` carried `amount` in lira, v2 carries `amountKurus`. */
function upcast(event: EventEnvelope): EventEnvelope {
  if (event.type !== 'Purchased' || event.schemaVersion !== 1) return event;
  const { amount } = event.data as { amount: number };
  return { ...event, schemaVersion: 2, data: { amountKurus: amount * 100 } };
}

function purchased(id: string, schemaVersion: number, data: unknown): NewEvent {
  return testEvent(id, { type: 'Purchased', schemaVersion, data });
}

describe('UpcastingEventStore', () => {
  let dir: string;
  let inner: SqliteEventStore;
  let store: UpcastingEventStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-upcasting-'));
    inner = SqliteEventStore.open({ path: join(dir, 'events.db') });
    store = new UpcastingEventStore(inner, upcast);
    await store.append(
      'customer-1',
      [purchased('old', 1, { amount: 12 }), purchased('new', 2, { amountKurus: 500 })],
      'no_stream',
    );
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const upcastData = [{ amountKurus: 1200 }, { amountKurus: 500 }];

  it('writes appends as given: stored events keep their old schema', async () => {
    const stored = await inner.readStream('customer-1');
    expect(stored.map((event) => [event.schemaVersion, event.data])).toEqual([
      [1, { amount: 12 }],
      [2, { amountKurus: 500 }],
    ]);
  });

  it('upcasts readStream and readAll', async () => {
    expect((await store.readStream('customer-1')).map((event) => event.data)).toEqual(upcastData);
    expect((await store.readAll({ after: 0, limit: 10 })).map((event) => event.data)).toEqual(upcastData);
    expect((await store.readStream('customer-1')).every((event) => event.schemaVersion === 2)).toBe(true);
  });

  it('upcasts what a subscription delivers, and closes through to the inner subscription', async () => {
    const subscription = store.subscribeToAll({ after: 0 });
    const iterator = subscription[Symbol.asyncIterator]();

    const first = await iterator.next();
    const second = await iterator.next();
    await subscription.close();

    expect([first.value, second.value].map((event: EventEnvelope) => event.data)).toEqual(upcastData);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('upcasts readAllByStream when the inner store has it, and lacks it when the inner store does', async () => {
    const read = await store.readAllByStream?.({ until: 2, limit: 10 });
    expect(read?.map((event) => event.data)).toEqual(upcastData);

    const withoutIt = new UpcastingEventStore(
      { ...requiredMethodsOf(inner), readAllByStream: undefined },
      upcast,
    );
    expect(withoutIt.readAllByStream).toBeUndefined();
  });

  it('upcasts the pages of readAllByStreamPages read ahead, and lacks it when the inner store does', async () => {
    const pages: EventEnvelope[][] = [];
    for await (const page of store.readAllByStreamPages?.({ until: 2, pageSize: 1 }) ?? []) pages.push(page);
    expect(pages.map((page) => page.map((event) => event.data))).toEqual(upcastData.map((data) => [data]));

    const withoutIt = new UpcastingEventStore(
      { ...requiredMethodsOf(inner), readAllByStreamPages: undefined },
      upcast,
    );
    expect(withoutIt.readAllByStreamPages).toBeUndefined();
  });

  it('upcasts the event readEventById finds, and lacks it when the inner store does', async () => {
    expect((await store.readEventById?.('old'))?.data).toEqual(upcastData[0]);
    expect(await store.readEventById?.('unknown')).toBeUndefined();

    const withoutIt = new UpcastingEventStore(
      { ...requiredMethodsOf(inner), readEventById: undefined },
      upcast,
    );
    expect(withoutIt.readEventById).toBeUndefined();
  });

  it('passes headPosition through', async () => {
    expect(await store.headPosition()).toBe(2);
  });
});
