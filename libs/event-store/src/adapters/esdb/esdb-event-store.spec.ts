import { setImmediate as nextTurn } from 'node:timers/promises';
import { ConnectivityState } from '@grpc/grpc-js/build/src/connectivity-state';
import { accessLogStream, customerStream, type NewEvent, STREAM_NAME_PREFIXES } from '@crm/domain';
import { EventStoreDBClient } from '@eventstore/db-client';
import { FakeEsdbClient } from '../../../test/support/fake-esdb-client';
import { StreamDeletedError, WrongExpectedRevisionError } from '../../errors';
import { EsdbEventStore } from './esdb-event-store';

/**
 * The adapter over a fake client shaped like `EventStoreDBClient` 6.2.1 and answering like EventStoreDB
 * 24.10 (test/support/fake-esdb-client.ts): what it reads, how it tells a write from a deduplication, the
 * streams it sees, and the client's settings and errors it must not take at face value.
 */

let sequence = 0;
const newEvent = (type = 'CustomerNoted'): NewEvent => {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    occurredAt: '2026-03-01T10:00:00.000Z',
    data: { n: sequence },
    metadata: {
      actor: { id: 'svc', kind: 'service', roles: ['service'] },
      commandId: `cmd-${sequence}`,
      correlationId: 'corr',
      causationId: 'cause',
      source: 'test',
    },
  };
};
const newEvents = (count: number): NewEvent[] => Array.from({ length: count }, () => newEvent());

function open(fake = new FakeEsdbClient()): { store: EsdbEventStore; fake: FakeEsdbClient } {
  return { store: new EsdbEventStore({ client: fake }), fake };
}

describe('EsdbEventStore over a fake client', () => {
  describe('filtered subscriptions (the server filter and its checkpoints)', () => {
    it('goes on after a checkpoint of (0,0) and reports later checkpoints as they are', async () => {
      const { store, fake } = open();
      const progress: number[] = [];
      const subscription = store.subscribeToAll({
        after: 0,
        types: ['CustomerErased'],
        onProgress: async (position) => {
          progress.push(position);
        },
      });
      const iterator = subscription[Symbol.asyncIterator]();
      await store.append('customer-1', [newEvent('CustomerErased')], 'no_stream');
      const [erased] = fake.storedIn('customer-1');
      const { grpc } = fake.subscriptions[0]!;

      grpc.sendCheckpoint(0n);
      grpc.sendEvent({ event: erased! } as never);
      grpc.sendCheckpoint(erased!.position!.commit + 1_000n);
      const first = await iterator.next();
      const pending = iterator.next();
      await nextTurn();

      expect(first.value).toMatchObject({ type: 'CustomerErased', streamId: 'customer-1' });
      expect(progress).toEqual([Number(erased!.position!.commit) + 1_000]);
      await subscription.close();
      await expect(pending).resolves.toMatchObject({ done: true });
    });
  });

  describe('the streams it reads: those the domain names', () => {
    it('reads, finds the head of and follows the access logs, per customer and shared', async () => {
      const { store, fake } = open();
      await store.append(customerStream('c1'), [newEvent()], 'no_stream');
      await store.append(accessLogStream('c1'), [newEvent('SensitiveRecordViewed')], 'any');
      fake.writeSystemEvent();
      await store.append(accessLogStream(null), [newEvent('SensitiveRecordViewed')], 'any');
      fake.writeSystemEvent();

      const all = await store.readAll({ after: 0, limit: 10 });
      const head = await store.headPosition();
      store.subscribeToAll({ after: 0 });

      expect(all.map((event) => event.streamId)).toEqual(['customer-c1', 'access-c1', 'audit-access']);
      expect(head).toBe(all[2]!.position);
      const filter = fake.subscriptions[0]!.filter;
      expect(filter).toMatchObject({ filterOn: 'streamName', prefixes: [...STREAM_NAME_PREFIXES] });
      await store.close();
    });
  });

  describe('append', () => {
    it('reads nothing before an append, and only the revisions it wrote after', async () => {
      const { store, fake } = open();
      const stream = accessLogStream(null);
      for (let i = 0; i < 20; i++) await store.append(stream, newEvents(3), 'any');
      fake.reads.length = 0;

      const result = await store.append(stream, [newEvent('SensitiveRecordViewed')], 'any');

      expect(result).toMatchObject({ nextExpectedRevision: 60, deduplicated: false });
      expect(fake.reads).toEqual([
        { streamName: stream, fromRevision: 60n, direction: 'forwards', delivered: 1 },
      ]);
    });

    it('on a conflict reads from the expected revision on, and reports the revision the server gave', async () => {
      const { store, fake } = open();
      await store.append('customer-1', newEvents(50), 'no_stream');
      fake.reads.length = 0;

      const conflict = await store.append('customer-1', [newEvent()], 20).catch((error: unknown) => error);

      expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
      expect(conflict).toMatchObject({ expected: 20, actual: 49 });
      expect(fake.reads.map(({ fromRevision }) => fromRevision)).toEqual([21n]);
    });

    it('finds a retry at an earlier revision after the conflict it meets', async () => {
      const { store } = open();
      await store.append('customer-1', newEvents(30), 'no_stream');
      const events = newEvents(2);
      const original = await store.append('customer-1', events, 29);

      const retry = await store.append('customer-1', events, 12);

      expect(retry).toEqual({ ...original, deduplicated: true });
    });

    it('tells its own write from the server answering a concurrent retry with the original events', async () => {
      const fake = new FakeEsdbClient();
      const { store } = open(fake);
      const events = newEvents(2);
      let open_: () => void = () => undefined;
      fake.gate = new Promise((resolve) => (open_ = resolve));

      const both = Promise.all([
        store.append('customer-1', events, 'no_stream'),
        store.append('customer-1', events, 'no_stream'),
      ]);
      await nextTurn();
      open_();
      const [first, second] = await both;

      expect([first.deduplicated, second.deduplicated].sort()).toEqual([false, true]);
      expect(second.positions).toEqual(first.positions);
      expect(fake.storedIn('customer-1')).toHaveLength(2);
    });

    it('reports as deduplicated a retry the server answers from its cache of recent ids (`any`)', async () => {
      const { store } = open();
      const events = newEvents(2);
      const original = await store.append('audit-access', events, 'any');

      await expect(store.append('audit-access', events, 'any')).resolves.toEqual({
        ...original,
        deduplicated: true,
      });
    });
  });

  describe('client settings and server answers it must not take at face value', () => {
    it('refuses throwOnAppendFailure=false, which turns conflicts into successes at a made-up revision', () => {
      expect(() => new EsdbEventStore('esdb://localhost:2113?tls=false&throwOnAppendFailure=false')).toThrow(
        /throwOnAppendFailure/,
      );
      expect(() => new EsdbEventStore('esdb://localhost:2113?tls=false')).not.toThrow();
    });

    it('never reports an append the client resolved as failed as a success', async () => {
      const { store } = open(new FakeEsdbClient({ resolveConflicts: true }));
      await store.append('customer-1', newEvents(2), 'no_stream');

      await expect(store.append('customer-1', [newEvent()], 0)).rejects.toThrow(
        /refused without an error \(throwOnAppendFailure=false\?\)/,
      );
    });

    it('names a tombstoned stream with StreamDeletedError on read and append, instead of the client error', async () => {
      const { store, fake } = open();
      await store.append('customer-1', newEvents(2), 'no_stream');
      fake.tombstone('customer-1');

      await expect(store.readStream('customer-1')).rejects.toEqual(new StreamDeletedError('customer-1'));
      await expect(store.readStream('customer-1')).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.append('customer-1', [newEvent()], 'any')).rejects.toBeInstanceOf(
        StreamDeletedError,
      );
    });

    it('reads revision ranges of a truncated stream by revision, not by count', async () => {
      const { store, fake } = open();
      await store.append('customer-1', newEvents(13), 'no_stream');
      fake.truncateBefore('customer-1', 10);

      expect(await store.readStream('customer-1', { fromRevision: 0, toRevision: 2 })).toEqual([]);
      const tail = await store.readStream('customer-1', { fromRevision: 9, toRevision: 11 });
      expect(tail.map((event) => event.revision)).toEqual([10, 11]);
      expect(await store.append('customer-1', [], 12)).toMatchObject({ nextExpectedRevision: 12 });
      const appended = await store.append('customer-1', [newEvent()], 12);
      expect(appended).toMatchObject({ nextExpectedRevision: 13, deduplicated: false });
    });
  });

  describe('close()', () => {
    it("closes the client's gRPC channel, which the client's dispose() leaves open", async () => {
      const client = EventStoreDBClient.connectionString('esdb://127.0.0.1:2113?tls=false');
      const store = new EsdbEventStore({ client });
      // What the client's first call does: create and cache its channel (nothing connects yet).
      const channel = await (
        client as unknown as { getChannel(): Promise<import('@grpc/grpc-js').Channel> }
      ).getChannel();
      expect(channel.getConnectivityState(false)).toBe(ConnectivityState.IDLE);

      await store.close();

      expect(channel.getConnectivityState(false)).toBe(ConnectivityState.SHUTDOWN);
    });

    it('disposes of the client', async () => {
      const { store, fake } = open();
      await store.close();
      expect(fake.disposed).toBe(true);
    });
  });
});
