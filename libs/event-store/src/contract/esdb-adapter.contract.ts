import { randomUUID } from 'node:crypto';
import { ConnectivityState } from '@grpc/grpc-js/build/src/connectivity-state';
import type { Channel } from '@grpc/grpc-js';
import { accessLogStream, type EventEnvelope, SHARED_ACCESS_LOG_STREAM } from '@crm/domain';
import { EventStoreDBClient } from '@eventstore/db-client';
import { countEvents } from '@crm/projection-runtime/count-events';
import { ESDB_CONNECTION_STRING, EsdbEventStore, type EsdbClient } from '../adapters/esdb';
import { trackChannels } from '../adapters/esdb/esdb-event-store';
import { StreamDeletedError, WrongExpectedRevisionError } from '../errors';
import { newEvent, newEvents, takeMatching, uniqueStreamId } from './contract-fixtures';

/** The contract target's streams (`uniqueStreamId` names them `contract_<label>-<uuid>`). */
const CONTRACT_PREFIXES = ['contract_'];

/** A type no other test (or writer on a shared server) uses. */
const uniqueType = (label: string): string => `Contract${label}_${randomUUID().replace(/-/g, '')}`;

/** `url` with one more query setting. */
const withSetting = (url: string, setting: string): string =>
  `${url}${url.includes('?') ? '&' : '?'}${setting}`;

interface ReadCall {
  readonly streamName: string;
  readonly fromRevision: unknown;
  delivered: number;
}

/** The real client, with every `readStream` it is asked for recorded (and what it delivered). */
function recordingReads(client: EventStoreDBClient): { client: EsdbClient; reads: ReadCall[] } {
  const reads: ReadCall[] = [];
  const readStream = client.readStream.bind(client);
  const closeChannels = trackChannels(client);
  const recording: EsdbClient = {
    appendToStream: client.appendToStream.bind(client),
    readAll: client.readAll.bind(client),
    subscribeToAll: client.subscribeToAll.bind(client),
    dispose: async () => {
      await client.dispose();
      closeChannels();
    },
    readStream: ((streamName: string, options?: { fromRevision?: unknown }) => {
      const call: ReadCall = { streamName, fromRevision: options?.fromRevision, delivered: 0 };
      reads.push(call);
      const read = readStream(streamName, options as never);
      read.on('data', () => (call.delivered += 1));
      return read;
    }) as EsdbClient['readStream'],
  };
  return { client: recording, reads };
}

/**
 * What the EventStoreDB adapter relies on from a real server (ADR 0021), beyond the port's contract: the
 * streams it reads, the server's checkpoints and idempotency answers, truncated and tombstoned streams, the
 * client's settings and channel. Each test names the defect of issue 17 it guards against.
 */
export function describeEsdbAdapterContract(connectionString: () => Promise<string>): void {
  describe('EventStoreDB adapter on a real server', () => {
    let url: string;
    let admin: EventStoreDBClient;
    let closeAdminChannels: () => void = () => undefined;
    const stores: EsdbEventStore[] = [];
    const open = (options: ConstructorParameters<typeof EsdbEventStore>[0] = {}): EsdbEventStore => {
      const store = new EsdbEventStore(
        typeof options === 'string'
          ? options
          : { connectionString: url, streamPrefixes: CONTRACT_PREFIXES, ...options },
      );
      stores.push(store);
      return store;
    };

    beforeAll(async () => {
      url = await connectionString();
      admin = EventStoreDBClient.connectionString(url);
      closeAdminChannels = trackChannels(admin);
    });
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
      await admin.dispose();
      closeAdminChannels();
    });

    it('(1) follows a filter by type from the start of $all, whose first checkpoint may be (0,0), without a crash', async () => {
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => rejections.push(reason);
      process.on('unhandledRejection', onRejection);
      try {
        const store = open();
        const streamId = uniqueStreamId('esdb-from-start');
        const type = uniqueType('FromStart');
        const progress: number[] = [];
        const subscription = store.subscribeToAll({
          after: 0,
          types: [type],
          onProgress: async (position) => {
            progress.push(position);
          },
        });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = iterator.next();
        await store.append(streamId, [...newEvents(40), newEvent({ type })], 'no_stream');

        expect((await pending).value).toMatchObject({ type, streamId });
        expect(progress.every((position) => position > 0)).toBe(true);
        expect(rejections).toEqual([]);
        await subscription.close();
      } finally {
        process.off('unhandledRejection', onRejection);
      }
    });

    it('(2) resubscribes from every position it reported as progress: each is a record boundary', async () => {
      const store = open();
      const streamId = uniqueStreamId('esdb-progress');
      const type = uniqueType('Progress');
      const before = await store.headPosition();
      await store.append(streamId, [newEvent({ type }), ...newEvents(150), newEvent({ type })], 'no_stream');
      const progress: number[] = [];
      const subscription = store.subscribeToAll({
        after: before,
        types: [type],
        onProgress: async (position) => {
          progress.push(position);
        },
      });
      await takeMatching(subscription[Symbol.asyncIterator](), 2, (event) => event.streamId === streamId);
      await subscription.close();
      expect(progress.length).toBeGreaterThan(0);
      // One more after every position reported, so that each resubscription has an event to deliver.
      await store.append(streamId, [newEvent({ type })], 151);

      for (const position of progress) {
        const resumed = store.subscribeToAll({
          after: position,
          types: [type],
          onProgress: async () => undefined,
        });
        const iterator = resumed[Symbol.asyncIterator]();
        const [next] = await takeMatching(iterator, 1, (event) => event.streamId === streamId);
        expect(next.position).toBeGreaterThan(position);
        await resumed.close();
      }
    });

    it('(3) reports progress only once every matching event at or before it has been delivered, under backpressure', async () => {
      const store = open({ subscriptionBuffer: 2 });
      const streamId = uniqueStreamId('esdb-backpressure');
      const type = uniqueType('Backpressure');
      const before = await store.headPosition();
      const events = Array.from({ length: 400 }, (_, i) => newEvent(i % 3 === 0 ? { type } : {}));
      const { positions } = await store.append(streamId, events, 'no_stream');
      const matching = positions.filter((_, i) => i % 3 === 0);
      const delivered = new Set<number>();
      const violations: string[] = [];
      const subscription = store.subscribeToAll({
        after: before,
        types: [type],
        onProgress: async (position) => {
          const missing = matching.filter((at) => at <= position && !delivered.has(at));
          if (missing.length > 0) violations.push(`progress ${position} before ${missing.length} event(s)`);
        },
      });
      const iterator = subscription[Symbol.asyncIterator]();
      while (delivered.size < matching.length) {
        const next = await iterator.next();
        if (next.done) throw new Error('the subscription ended');
        if (next.value.streamId === streamId) delivered.add(next.value.position);
        await new Promise((resolve) => setTimeout(resolve, 1)); // a slow consumer: the client buffers
      }

      expect(violations).toEqual([]);
      await subscription.close();
    });

    it('(4) reads, finds the head of and follows the access logs, per customer and shared `audit-access`', async () => {
      const store = open({ streamPrefixes: undefined });
      const before = await store.headPosition();
      const subscription = store.subscribeToAll({ after: before });
      const shared = newEvent({ type: 'SensitiveRecordViewed' });
      const perCustomer = newEvent({ type: 'SensitiveRecordViewed' });
      const perCustomerStream = accessLogStream(`c-${randomUUID()}`);

      await store.append(perCustomerStream, [perCustomer], 'any');
      const written = await store.append(SHARED_ACCESS_LOG_STREAM, [shared], 'any');

      const ids = new Set([shared.id, perCustomer.id]);
      const read: EventEnvelope[] = [];
      for (let after = before; read.length < 2; ) {
        const page = await store.readAll({ after, limit: 100 });
        if (page.length === 0) break;
        read.push(...page.filter((event) => ids.has(event.id)));
        after = page[page.length - 1]!.position;
      }
      expect(read.map((event) => event.streamId)).toEqual([perCustomerStream, SHARED_ACCESS_LOG_STREAM]);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(written.positions[0]!);
      const followed = await takeMatching(subscription[Symbol.asyncIterator](), 2, (event) =>
        ids.has(event.id),
      );
      expect(followed.map((event) => event.streamId)).toEqual([perCustomerStream, SHARED_ACCESS_LOG_STREAM]);
      await subscription.close();
    });

    it('(5) is reached at a connection string the settings validation accepts, and only such', () => {
      expect(url).toMatch(ESDB_CONNECTION_STRING);
      const renamed = url.replace(/^esdb/, 'kurrentdb');
      expect(renamed).not.toMatch(ESDB_CONNECTION_STRING);
      expect(() => EventStoreDBClient.connectionString(renamed)).toThrow();
    });

    it('(6) counts the events between two positions, which are byte offsets far apart', async () => {
      const store = open();
      const { positions } = await store.append(uniqueStreamId('esdb-count'), newEvents(3), 'no_stream');

      expect(positions[2]! - positions[0]!).toBeGreaterThan(2);
      const between = await countEvents(store, positions[0]!, positions[2]!);
      expect(between.count).toBeGreaterThanOrEqual(2); // other writers may share the server
      expect(between.count).toBeLessThan(positions[2]! - positions[0]!);
    });

    it('(7, 8) appends without reading first, reads back only what it wrote, and tells a retry from a write', async () => {
      const { client, reads } = recordingReads(EventStoreDBClient.connectionString(url));
      const store = open({ client, streamPrefixes: undefined });
      const streamId = accessLogStream(`c-${randomUUID()}`);
      await store.append(streamId, newEvents(30), 'any');
      const events = [newEvent({ type: 'SensitiveRecordViewed' })];
      reads.length = 0;

      const written = await store.append(streamId, events, 'any');
      const retried = await store.append(streamId, events, 29);

      expect(written).toMatchObject({ nextExpectedRevision: 30, deduplicated: false });
      expect(retried).toEqual({ ...written, deduplicated: true });
      expect(reads.map(({ fromRevision, delivered }) => ({ fromRevision, delivered }))).toEqual([
        { fromRevision: 30n, delivered: 1 },
        { fromRevision: 30n, delivered: 1 },
      ]);
    });

    it('(8) on a conflict reads from the expected revision on, and finds a retry there', async () => {
      const { client, reads } = recordingReads(EventStoreDBClient.connectionString(url));
      const store = open({ client });
      const streamId = uniqueStreamId('esdb-conflict');
      await store.append(streamId, newEvents(20), 'no_stream');
      const events = newEvents(2);
      const original = await store.append(streamId, events, 19);
      reads.length = 0;

      const conflict = await store.append(streamId, [newEvent()], 10).catch((error: unknown) => error);
      const retry = await store.append(streamId, events, 10);

      expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
      expect(conflict).toMatchObject({ expected: 10, actual: 21 });
      expect(retry).toEqual({ ...original, deduplicated: true });
      expect(reads.map(({ fromRevision }) => fromRevision)).toEqual([11n, 11n]);
    });

    it('(9) refuses throwOnAppendFailure=false', () => {
      expect(() => new EsdbEventStore(withSetting(url, 'throwOnAppendFailure=false'))).toThrow(
        /throwOnAppendFailure/,
      );
    });

    it('(9) names a tombstoned stream with StreamDeletedError on read and append', async () => {
      const store = open();
      const streamId = uniqueStreamId('esdb-tombstoned');
      await store.append(streamId, newEvents(2), 'no_stream');
      await admin.tombstoneStream(streamId);

      await expect(store.readStream(streamId)).rejects.toBeInstanceOf(StreamDeletedError);
      await expect(store.append(streamId, [newEvent()], 'any')).rejects.toBeInstanceOf(StreamDeletedError);
    });

    it('(9) reads, appends to and reports the revision of a truncated stream by revision ($tb)', async () => {
      const store = open();
      const streamId = uniqueStreamId('esdb-truncated');
      await store.append(streamId, newEvents(6), 'no_stream');
      await admin.setStreamMetadata(streamId, { truncateBefore: 3 });

      expect(await store.readStream(streamId, { fromRevision: 0, toRevision: 1 })).toEqual([]);
      const middle = await store.readStream(streamId, { fromRevision: 2, toRevision: 4 });
      expect(middle.map((event) => event.revision)).toEqual([3, 4]);
      await expect(store.append(streamId, [], 5)).resolves.toMatchObject({ nextExpectedRevision: 5 });
      const conflict = await store.append(streamId, [newEvent()], 2).catch((error: unknown) => error);
      expect(conflict).toMatchObject({ expected: 2, actual: 5 });
      await expect(store.append(streamId, [newEvent()], 5)).resolves.toMatchObject({
        nextExpectedRevision: 6,
        deduplicated: false,
      });
    });

    it('(9) closes its gRPC channel on close()', async () => {
      const client = EventStoreDBClient.connectionString(url);
      const store = new EsdbEventStore({ client, streamPrefixes: CONTRACT_PREFIXES });
      await store.append(uniqueStreamId('esdb-close'), [newEvent()], 'no_stream');
      const channel = await (client as unknown as { getChannel(): Promise<Channel> }).getChannel();

      await store.close();

      expect(channel.getConnectivityState(false)).toBe(ConnectivityState.SHUTDOWN);
    });
  });
}
