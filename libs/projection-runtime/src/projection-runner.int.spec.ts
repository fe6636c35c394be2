import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { customerActivity } from '../test/support/customer-activity.projection';
import { dumpCollection } from '../test/support/dump-collection';
import { activityEvent, seedActivity } from '../test/support/events';
import { waitFor } from '../test/support/wait-for';
import type { EventEnvelope } from '@crm/domain';
import { DEAD_LETTERS, PoisonEventError } from './dead-letter';
import type { EventSource } from './event-source';
import { ProjectionRunner } from './projection-runner';
import type { ProjectionRunnerOptions } from './projection-runner-options';

const COLLECTION = 'customer_activity_v1';

/** Bytes per event in {@link sparse}: EventStoreDB's positions are byte offsets in its log (ADR 0003). */
const BYTES_PER_EVENT = 173;

/** The store with every position scaled to a byte offset: positions far apart, as EventStoreDB's are. */
function sparse(store: SqliteEventStore): EventSource {
  const scaled = (event: EventEnvelope): EventEnvelope => ({
    ...event,
    position: event.position * BYTES_PER_EVENT,
  });
  const unscaled = (position: number) => Math.floor(position / BYTES_PER_EVENT);
  return {
    readAll: async ({ after, limit }) => (await store.readAll({ after: unscaled(after), limit })).map(scaled),
    headPosition: async () => (await store.headPosition()) * BYTES_PER_EVENT,
    subscribeToAll: ({ after }) => {
      const feed = store.subscribeToAll({ after: unscaled(after) });
      return {
        close: () => feed.close(),
        async *[Symbol.asyncIterator]() {
          for await (const event of feed) yield scaled(event);
        },
      };
    },
  };
}

describe('ProjectionRunner over SQLite', () => {
  let dir: string;
  let events: SqliteEventStore;
  let reads: SqliteReadStore;
  const runners: ProjectionRunner[] = [];

  const runner = (options: Partial<ProjectionRunnerOptions> = {}, store = reads) => {
    const created = new ProjectionRunner({
      definition: customerActivity as ProjectionRunnerOptions['definition'],
      source: events,
      readStore: store,
      batchSize: 7,
      ...options,
    });
    runners.push(created);
    return created;
  };
  const openReadStore = (name: string) => SqliteReadStore.open({ path: join(dir, `${name}.db`) });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-projection-runner-'));
    events = SqliteEventStore.open({ path: join(dir, 'events.db'), pollIntervalMs: 10 });
    reads = openReadStore('reads');
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((created) => created.stop()));
    await events.close();
    await reads.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('catching up from zero', () => {
    it('builds one document per customer, versioned by its last event, and points the alias at it', async () => {
      await seedActivity(events, 40, 5);

      await runner().catchUp();

      const customer = await reads.get('customer_activity', 'c0');
      expect(customer).toEqual({
        id: 'c0',
        version: 7,
        body: { customerId: 'c0', events: 6, revisions: [0, 1, 2, 4, 5, 6], lastType: 'Purchased' },
      });
      expect(await reads.count(COLLECTION)).toBe(5);
      expect(await reads.resolveAlias('customer_activity')).toBe(COLLECTION);
    });

    it('checkpoints the last event of the log even when no projection handles it', async () => {
      await seedActivity(events, 40, 5);
      await events.append('customer-c0', [activityEvent('tail', 'CampaignOpened')], 'any');

      await runner().catchUp();

      expect((await reads.getCheckpoint(COLLECTION))?.position).toBe(41);
    });

    it('leaves an alias that is already set where it points', async () => {
      await reads.ensureCollection({ name: 'customer_activity_v0', fields: [] });
      await reads.setAlias('customer_activity', 'customer_activity_v0');

      await runner().catchUp();

      expect(await reads.resolveAlias('customer_activity')).toBe('customer_activity_v0');
    });
  });

  describe('idempotency', () => {
    it('gives the same documents when every event is delivered twice', async () => {
      await seedActivity(events, 120, 9);
      await runner().catchUp();
      const once = await dumpCollection(reads, COLLECTION);

      await reads.rewindCheckpoint(COLLECTION, { position: 0, updatedAt: new Date().toISOString() });
      await runner().catchUp();

      expect(await dumpCollection(reads, COLLECTION)).toEqual(once);
      expect((await reads.getCheckpoint(COLLECTION))?.position).toBe(120);
    });

    it('gives the same documents when batches overlap', async () => {
      await seedActivity(events, 120, 9);
      await runner().catchUp();
      const clean = await dumpCollection(reads, COLLECTION);

      const overlapping = openReadStore('overlapping');
      try {
        const overlap = runner({ batchSize: 11 }, overlapping);
        for (const [from, to] of [
          [0, 50],
          [30, 90],
          [10, 70],
          [60, 120],
        ]) {
          await overlapping.saveCheckpoint(COLLECTION, {
            position: from,
            updatedAt: new Date().toISOString(),
          });
          await overlap.runUntil(to);
        }
        expect(await dumpCollection(overlapping, COLLECTION)).toEqual(clean);
      } finally {
        await overlapping.close();
      }
    });
  });

  describe('a poison event', () => {
    it('is dead-lettered with its error after the retries, and the projection keeps going', async () => {
      await seedActivity(events, 20, 4);
      await events.append('customer-c1', [activityEvent('poison', 'Poisoned')], 'any');
      await events.append('customer-c1', [activityEvent('after', 'Purchased')], 'any');

      const poisoned = runner({ maxAttempts: 2 });
      await poisoned.catchUp();

      expect(await reads.get(DEAD_LETTERS.name, `${COLLECTION}:poison`)).toEqual({
        id: `${COLLECTION}:poison`,
        version: 21,
        body: {
          projection: COLLECTION,
          eventId: 'poison',
          type: 'Poisoned',
          streamId: 'customer-c1',
          revision: 5,
          position: 21,
          error: 'cannot apply poison',
          attempts: 2,
        },
      });
      expect((await reads.get(COLLECTION, 'c1'))?.body).toMatchObject({ revisions: [0, 1, 2, 4, 6] });
      expect(await poisoned.status()).toMatchObject({ position: 22, lagEvents: 0, deadLetters: 1 });
    });

    it('halts the projection instead, when a gap would be worse than a stop', async () => {
      await seedActivity(events, 20, 4);
      await events.append('customer-c1', [activityEvent('poison', 'Poisoned')], 'any');

      await expect(runner({ poison: 'halt', batchSize: 100 }).catchUp()).rejects.toThrow(PoisonEventError);

      expect(await reads.getCheckpoint(COLLECTION)).toBeUndefined();
      expect(await reads.count(DEAD_LETTERS.name)).toBe(0);
    });
  });

  describe('status', () => {
    it('reports lag in events and in time since the newest processed event was recorded', async () => {
      await seedActivity(events, 30, 3);
      const recordedAt = Date.parse((await events.readAll({ after: 9, limit: 1 }))[0].recordedAt);
      const lagging = runner({ clock: () => new Date(recordedAt + 2_500) });

      await lagging.runUntil(10);

      expect(await lagging.status()).toMatchObject({
        name: 'customer-activity',
        version: 1,
        collection: COLLECTION,
        state: 'idle',
        position: 14,
        headPosition: 30,
        lagEvents: 16,
        lagMs: 2_500,
        deadLetters: 0,
      });
      expect((await lagging.status()).eventsPerSecond).toBeGreaterThan(0);
    });

    it('counts the events it lags by where positions are byte offsets, as on EventStoreDB', async () => {
      await seedActivity(events, 30, 3);
      const lagging = runner({ source: sparse(events) });

      await lagging.runUntil(10 * BYTES_PER_EVENT);

      expect(await lagging.status()).toMatchObject({
        position: 14 * BYTES_PER_EVENT,
        headPosition: 30 * BYTES_PER_EVENT,
        lagEvents: 16,
      });
    });

    it('reports a projection that has never run as at position zero', async () => {
      await seedActivity(events, 5, 1);

      expect(await runner().status()).toMatchObject({
        position: 0,
        headPosition: 5,
        lagEvents: 5,
        deadLetters: 0,
      });
    });

    it('reads the checkpoint of a runner that has not run in this process', async () => {
      await seedActivity(events, 30, 3);
      await runner().runUntil(21);

      expect(await runner().status()).toMatchObject({ position: 21, lagEvents: 9, lagMs: undefined });
    });
  });

  describe('a failing read store', () => {
    it('shows the error in status and retries the batch until the store recovers', async () => {
      await seedActivity(events, 12, 3);
      let failures = 1;
      const flaky = new Proxy(reads, {
        get(target, property, receiver) {
          if (property === 'bulkWrite' && failures > 0) {
            failures--;
            return async () => {
              throw new Error('disk full');
            };
          }
          const value: unknown = Reflect.get(target, property, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const retrying = runner({ retryDelayMs: 200 }, flaky);
      retrying.start();

      await waitFor(async () => (await retrying.status()).lastError === 'disk full');
      await waitFor(async () => (await retrying.status()).position === 12);

      expect((await retrying.status()).lastError).toBeUndefined();
      expect(await reads.count(COLLECTION)).toBe(3);
    });
  });

  describe('tailing the log', () => {
    it('applies events appended after it started, and stops after its current batch', async () => {
      await seedActivity(events, 10, 2);
      const tailing = runner();
      tailing.start();
      await expect(tailing.runUntil(10)).rejects.toThrow(/already running/);

      await events.append('customer-c0', [activityEvent('late', 'Purchased')], 'any');
      await waitFor(async () => (await tailing.status()).position === 11);
      await tailing.stop();

      expect((await reads.get(COLLECTION, 'c0'))?.body).toMatchObject({ events: 5 });
      expect(await tailing.status()).toMatchObject({ state: 'idle', position: 11, lagEvents: 0, lagMs: 0 });
    });
  });
});
