import type { EventEnvelope, NewEvent } from '@crm/domain';
import { useSqliteEventStores } from '../../../test/support/sqlite-event-stores';
import { testEvent } from '../../../test/support/test-event';
import { PartialDuplicateAppendError, WrongExpectedRevisionError } from '../../errors';
import { SqliteEventStore } from './sqlite-event-store';

let sequence = 0;
function event(overrides: Partial<NewEvent> = {}): NewEvent {
  sequence++;
  return testEvent(`event-${sequence}`, { data: { sequence }, ...overrides });
}

async function settle<T>(promise: Promise<T>): Promise<T | unknown> {
  return promise.catch((error: unknown) => error);
}

describe.each([
  ['on the calling thread', false],
  ['on a writer thread', true],
])('SqliteEventStore writing groups %s', (_, writerThread) => {
  const { path, groups, openStore } = useSqliteEventStores('crm-sqlite-event-store-', { writerThread });

  it('commits concurrent appends as one group', async () => {
    const store = openStore();

    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => store.append(`s-${i}`, [event()], 'no_stream')),
    );

    expect(results.every((result) => result.positions.length === 1)).toBe(true);
    expect(groups).toEqual([{ appends: 64, events: 64 }]);
  });

  it('caps a group at maxGroupAppends and maxGroupEvents', async () => {
    const store = openStore({ maxGroupAppends: 10, maxGroupEvents: 4 });

    await Promise.all(Array.from({ length: 25 }, (_, i) => store.append(`s-${i}`, [event()], 'any')));
    await store.append('big', [event(), event(), event(), event(), event(), event()], 'any');

    expect(groups.map((group) => group.appends)).toEqual([4, 4, 4, 4, 4, 4, 1, 1]);
    expect(groups[groups.length - 1].events).toBe(6);
  });

  it('isolates a failing append inside its group behind a savepoint', async () => {
    const store = openStore();
    await store.append('shared', [event({ id: 'seed' })], 'no_stream');
    groups.length = 0;
    const c = event();

    const outcomes = await Promise.all([
      settle(store.append('shared', [event()], 0)),
      settle(store.append('shared', [event()], 0)),
      settle(store.append('fresh', [event(), event({ id: 'seed' })], 'no_stream')),
      settle(store.append('shared', [c, c], 'any')),
      settle(store.append('shared', [event()], 1)),
      settle(store.append('fresh', [event()], 'no_stream')),
    ]);

    expect(outcomes[0]).toMatchObject({ nextExpectedRevision: 1 });
    expect(outcomes[1]).toBeInstanceOf(WrongExpectedRevisionError);
    expect(outcomes[1]).toMatchObject({ actual: 1 });
    expect(outcomes[2]).toBeInstanceOf(PartialDuplicateAppendError);
    expect(outcomes[3]).toBeInstanceOf(RangeError);
    expect(outcomes[4]).toMatchObject({ nextExpectedRevision: 2 });
    expect(outcomes[5]).toMatchObject({ nextExpectedRevision: 0 });
    expect(groups).toEqual([{ appends: 6, events: 3 }]);
    expect((await store.readStream('shared')).map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(await store.readStream('fresh')).toHaveLength(1);
    expect(await store.headPosition()).toBe(4);
  });

  it('deduplicates a repeated append within the same group', async () => {
    const store = openStore();
    const events = [event(), event()];

    const [first, second] = await Promise.all([
      store.append('s', events, 'no_stream'),
      store.append('s', events, 'no_stream'),
    ]);

    expect(second).toEqual({ ...first, deduplicated: true });
    expect(groups).toEqual([{ appends: 2, events: 2 }]);
  });

  it('rejects stored ids re-appended to another stream', async () => {
    const store = openStore();
    const events = [event(), event()];
    await store.append('s', events, 'no_stream');

    await expect(store.append('other', events, 'any')).rejects.toBeInstanceOf(PartialDuplicateAppendError);
    await expect(store.append('s', [events[1], events[0]], 'any')).rejects.toBeInstanceOf(
      PartialDuplicateAppendError,
    );
  });

  it('stamps recordedAt from the injected clock, once per group', async () => {
    const store = openStore({ clock: () => new Date('2030-05-06T07:08:09.010Z') });

    await Promise.all([store.append('a', [event()], 'any'), store.append('b', [event()], 'any')]);

    const all = await store.readAll({ after: 0, limit: 10 });
    expect(all.map((e) => e.recordedAt)).toEqual(['2030-05-06T07:08:09.010Z', '2030-05-06T07:08:09.010Z']);
  });

  it('reads the log up to a position stream by stream, in pages after a cursor', async () => {
    const store = openStore();
    await store.append('b', [event(), event()], 'no_stream');
    await store.append('a', [event()], 'no_stream');
    await store.append('b', [event()], 1);
    await store.append('a', [event()], 0);
    const key = (e: EventEnvelope) => `${e.streamId}@${e.revision}#${e.position}`;

    const first = await store.readAllByStream({ until: 4, limit: 2 });
    const last = first[first.length - 1];
    const rest = await store.readAllByStream({ until: 4, after: last, limit: 10 });

    expect(first.map(key)).toEqual(['a@0#3', 'b@0#1']);
    // Position 5 (a@1) is past `until`; b@1 and b@2 follow the cursor b@0.
    expect(rest.map(key)).toEqual(['b@1#2', 'b@2#4']);
    expect(await store.readAllByStream({ until: 4, after: rest[1], limit: 10 })).toEqual([]);
  });

  it('keeps everything across close and reopen, and continues positions and revisions', async () => {
    const first = openStore();
    await first.append('s', [event(), event()], 'no_stream');
    await first.append('t', [event()], 'no_stream');
    const before = await first.readAll({ after: 0, limit: 100 });
    await first.close();

    const reopened = openStore();

    expect(await reopened.readAll({ after: 0, limit: 100 })).toEqual(before);
    expect(await reopened.headPosition()).toBe(3);
    expect(await reopened.append('s', [event()], 1)).toMatchObject({
      nextExpectedRevision: 2,
      positions: [4],
    });
  });

  it('writes appends still queued when closed, and refuses new ones', async () => {
    const store = openStore();
    const pending = store.append('s', [event()], 'no_stream');

    await store.close();

    await expect(pending).resolves.toMatchObject({ positions: [1] });
    await expect(store.append('s', [event()], 'any')).rejects.toThrow(/closed/);
    expect(await openStore().headPosition()).toBe(1);
  });

  it('tails appends made by another instance on the same file by polling', async () => {
    const writer = openStore();
    const reader = openStore({ pollIntervalMs: 10 });
    const subscription = reader.subscribeToAll({ after: 0 });
    const iterator = subscription[Symbol.asyncIterator]();
    const received: Promise<IteratorResult<EventEnvelope>> = iterator.next();

    await writer.append('s', [event({ id: 'from-writer' })], 'no_stream');

    expect((await received).value).toMatchObject({ id: 'from-writer', position: 1 });
    await subscription.close();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  it('steps a typed subscription over runs of other types longer than one scan, without waiting a poll', async () => {
    const store = openStore({ subscriptionBatchSize: 2, pollIntervalMs: 60_000 });
    const others = Array.from({ length: 50 }, () => event({ type: 'Other' }));
    await store.append('s', [event({ type: 'Wanted' }), ...others, event({ type: 'Wanted' })], 'no_stream');
    const subscription = store.subscribeToAll({ after: 0, types: ['Wanted'] });
    const iterator = subscription[Symbol.asyncIterator]();

    const first = await iterator.next();
    const second = await iterator.next();

    expect([first.value, second.value].map((found: EventEnvelope) => found.position)).toEqual([1, 52]);
    await subscription.close();
  });

  it('reports a typed subscription’s progress past events of other types once it has read them', async () => {
    const store = openStore({ pollIntervalMs: 10 });
    const progress: number[] = [];
    const subscription = store.subscribeToAll({
      after: 0,
      types: ['Wanted'],
      onProgress: async (position) => void progress.push(position),
    });
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();

    const { positions } = await store.append(
      's',
      [event({ type: 'Other' }), event({ type: 'Other' })],
      'any',
    );
    while (!progress.includes(positions[1])) await new Promise((resolve) => setTimeout(resolve, 5));
    await store.append('s', [event({ type: 'Wanted' })], 'any');

    expect((await pending).value).toMatchObject({ type: 'Wanted', position: positions[1] + 1 });
    expect(Math.max(...progress)).toBe(positions[1]);
    await subscription.close();
  });

  it('ends its subscriptions when the store closes', async () => {
    const store = openStore({ pollIntervalMs: 60_000 });
    const iterator = store.subscribeToAll({ after: 0 })[Symbol.asyncIterator]();
    const pending = iterator.next();

    await store.close();

    expect(await pending).toEqual({ done: true, value: undefined });
  });

  it('refuses an in-memory database', () => {
    expect(() => SqliteEventStore.open({ path: ':memory:' })).toThrow(RangeError);
  });

  it('puts the file in WAL mode', async () => {
    openStore();
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(path(), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});
