import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from '@crm/domain';
import { useSqliteEventStores } from '../../../test/support/sqlite-event-stores';
import { testEvent } from '../../../test/support/test-event';
import { PartialDuplicateAppendError, WrongExpectedRevisionError } from '../../errors';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteWriterThread } from './sqlite-writer-thread';
import { STOPPING_STREAM, STOPPING_WRITER_WORKER_FILE } from './stopping-writer-worker.fixture';

let sequence = 0;
function event(overrides: Partial<NewEvent> = {}): NewEvent {
  sequence++;
  return testEvent(`writer-thread-event-${sequence}`, { data: { sequence }, ...overrides });
}

const settle = <T>(promise: Promise<T>): Promise<T | unknown> => promise.catch((error: unknown) => error);

describe('SqliteEventStore with a writer thread', () => {
  const { path, groups, openStore } = useSqliteEventStores('crm-sqlite-writer-thread-', {
    writerThread: true,
  });

  it('rejects each failing append with the class and fields its caller checks', async () => {
    const store = openStore();
    const seed = event();
    await store.append('s', [seed], 'no_stream');
    const repeated = event();

    const [wrongRevision, partial, repeatedId, notNull] = await Promise.all([
      settle(store.append('s', [event()], 'no_stream')),
      settle(store.append('other', [event(), seed], 'any')),
      settle(store.append('t', [repeated, repeated], 'any')),
      settle(store.append('u', [event({ type: null as unknown as string })], 'any')),
    ]);

    expect(wrongRevision).toBeInstanceOf(WrongExpectedRevisionError);
    expect(wrongRevision).toMatchObject({ streamId: 's', expected: 'no_stream', actual: 0 });
    expect(partial).toBeInstanceOf(PartialDuplicateAppendError);
    expect(partial).toMatchObject({ streamId: 'other', duplicateIds: [seed.id] });
    expect(repeatedId).toBeInstanceOf(RangeError);
    expect(repeatedId).toMatchObject({ message: 'Append to t repeats an event id within itself' });
    expect(notNull).toBeInstanceOf(Error);
    expect(notNull).toMatchObject({ name: 'SqliteError', code: 'SQLITE_CONSTRAINT_NOTNULL' });
    expect(await store.headPosition()).toBe(1);
  });

  it('rejects every caller of a group that cannot take the write lock, and writes after it is free', async () => {
    const store = openStore({ busyTimeoutMs: 50 });
    await store.append('warm-up', [event()], 'no_stream');
    const other = new Database(path());
    other.exec('BEGIN IMMEDIATE');

    const outcomes = await Promise.all([
      settle(store.append('a', [event()], 'any')),
      settle(store.append('b', [event()], 'any')),
    ]);
    other.exec('ROLLBACK');
    other.close();

    for (const outcome of outcomes) {
      expect(outcome).toMatchObject({ name: 'SqliteError', code: 'SQLITE_BUSY' });
    }
    await expect(store.append('a', [event()], 'any')).resolves.toMatchObject({ positions: [2] });
  });

  it('shows each resolved append to reads on the calling thread at once', async () => {
    const store = openStore();

    for (let revision = 0; revision < 20; revision++) {
      const appended = event();
      const result = await store.append('s', [appended], revision === 0 ? 'no_stream' : revision - 1);

      expect((await store.readStream('s')).map((e) => e.id).at(-1)).toBe(appended.id);
      expect(await store.readEventById(appended.id)).toMatchObject({ position: result.positions[0] });
      expect(await store.headPosition()).toBe(result.positions[0]);
    }
  });

  it('writes the group in flight and every queued append before it closes', async () => {
    const store = openStore({ maxGroupAppends: 5 });
    const first = store.append('s-0', [event()], 'no_stream');
    await new Promise((resolve) => setImmediate(resolve));
    const queued = Array.from({ length: 49 }, (_, i) => store.append(`s-${i + 1}`, [event()], 'no_stream'));

    await store.close();

    await expect(Promise.all([first, ...queued])).resolves.toHaveLength(50);
    expect(groups.reduce((sum, group) => sum + group.appends, 0)).toBe(50);
    expect(groups.length).toBeGreaterThanOrEqual(10);
    expect(await openStore({ writerThread: false }).headPosition()).toBe(50);
  });
});

describe('SqliteWriterThread that stops', () => {
  let dir: string;
  let path: string;
  let store: SqliteEventStore;
  let thread: SqliteWriterThread;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-sqlite-writer-stops-'));
    path = join(dir, 'events.db');
    store = SqliteEventStore.open({ path });
    thread = new SqliteWriterThread({ path, busyTimeoutMs: 1_000 }, STOPPING_WRITER_WORKER_FILE);
  });

  afterEach(async () => {
    await thread.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects the group it was writing, and a new thread writes the next group', async () => {
    const recordedAt = '2026-02-03T04:05:06.007Z';
    const stopping = { streamId: STOPPING_STREAM, events: [event()], expected: 'any' as const };
    const bystander = { streamId: 'bystander', events: [event()], expected: 'any' as const };

    await expect(thread.write([bystander, stopping], recordedAt)).rejects.toThrow(
      /writer thread stopped \(exit code 70\).*may or may not have committed.*same command id/,
    );
    const outcomes = await thread.write([bystander], recordedAt);

    expect(outcomes).toEqual([
      {
        ok: true,
        result: { streamId: 'bystander', nextExpectedRevision: 0, positions: [1], deduplicated: false },
      },
    ]);
    expect(await store.readStream('bystander')).toMatchObject([{ id: bystander.events[0].id, recordedAt }]);
  });
});
