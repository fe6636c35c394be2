import type { ExpectedRevision } from '../event-store';
import { PartialDuplicateAppendError } from '../errors';
import {
  type EventStoreFactory,
  expectStrictlyIncreasing,
  expectWrongRevision,
  newEvent,
  newEvents,
  sampleMetadata,
  uniqueStreamId,
  useStore,
} from './contract-fixtures';

/**
 * Idempotent re-append. Every adapter answers a retry at the expected revision of the original append, or
 * an earlier one, with the original result. Only an adapter that indexes event ids (SQLite) also finds a
 * retry at a later revision or with `any`/`stream_exists`: EventStoreDB compares ids only at the revision
 * a retry expects, and for `any` only in a bounded cache of recent ids (ADR 0021). The command executor
 * never needs more: it finds its own events by command id when it reads the stream.
 */
export function describeAppendContract(
  factory: EventStoreFactory,
  capabilities: { readonly findsRetriesAtAnyRevision?: boolean } = {},
): void {
  describe('append', () => {
    const store = useStore(factory);

    it('round-trips every envelope field, with revisions from 0 and strictly increasing positions', async () => {
      const streamId = uniqueStreamId('roundtrip');
      const before = await store().headPosition();
      const events = [
        newEvent({
          schemaVersion: 3,
          data: { name: 'Ayşe Yılmaz', nested: { amounts: [1, 2.5], ok: true, none: null } },
        }),
        newEvent({
          type: 'Other',
          metadata: { ...sampleMetadata, tenantId: 'tenant-7', reason: 'KVKK request' },
        }),
        newEvent({ data: {}, occurredAt: '2025-06-30T23:59:59.999Z' }),
      ];

      const result = await store().append(streamId, events, 'no_stream');

      expect(result).toMatchObject({ streamId, nextExpectedRevision: 2, deduplicated: false });
      expect(result.positions).toHaveLength(3);
      expect(result.positions[0]).toBeGreaterThan(before);
      expectStrictlyIncreasing(result.positions);
      expect(await store().headPosition()).toBeGreaterThanOrEqual(result.positions[2]);
      const read = await store().readStream(streamId);
      expect(read).toEqual(
        events.map((event, i) => ({
          ...event,
          streamId,
          revision: i,
          position: result.positions[i],
          recordedAt: expect.any(String),
        })),
      );
      for (const event of read) expect(Number.isNaN(Date.parse(event.recordedAt))).toBe(false);
    });

    it("'no_stream' accepts a new stream and rejects an existing one with its revision", async () => {
      const streamId = uniqueStreamId('no-stream');
      await store().append(streamId, newEvents(2), 'no_stream');
      await expectWrongRevision(
        store().append(streamId, [newEvent()], 'no_stream'),
        streamId,
        'no_stream',
        1,
      );
    });

    it("'stream_exists' rejects a new stream with -1 and accepts an existing one", async () => {
      const streamId = uniqueStreamId('exists');
      await expectWrongRevision(
        store().append(streamId, [newEvent()], 'stream_exists'),
        streamId,
        'stream_exists',
        -1,
      );
      await store().append(streamId, [newEvent()], 'any');
      const result = await store().append(streamId, [newEvent()], 'stream_exists');
      expect(result.nextExpectedRevision).toBe(1);
    });

    it("'any' accepts a new and an existing stream", async () => {
      const streamId = uniqueStreamId('any');
      expect((await store().append(streamId, [newEvent()], 'any')).nextExpectedRevision).toBe(0);
      expect((await store().append(streamId, newEvents(2), 'any')).nextExpectedRevision).toBe(2);
    });

    it('a revision number accepts the last revision and rejects older or newer ones with the actual one', async () => {
      const streamId = uniqueStreamId('number');
      await store().append(streamId, newEvents(3), 'no_stream');
      await expectWrongRevision(store().append(streamId, [newEvent()], 1), streamId, 1, 2);
      await expectWrongRevision(store().append(streamId, [newEvent()], 3), streamId, 3, 2);
      const fresh = uniqueStreamId('number');
      await expectWrongRevision(store().append(fresh, [newEvent()], 0), fresh, 0, -1);
      expect((await store().append(streamId, newEvents(2), 2)).nextExpectedRevision).toBe(4);
    });

    it('a rejected append writes nothing', async () => {
      const streamId = uniqueStreamId('rejected');
      await store().append(streamId, newEvents(2), 'no_stream');
      const rejected = newEvents(2);
      await expect(store().append(streamId, rejected, 0)).rejects.toThrow();
      await expect(store().append(streamId, rejected, 'no_stream')).rejects.toThrow();
      expect((await store().readStream(streamId)).map((event) => event.id)).not.toContain(rejected[0].id);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });

    it('re-appending stored ids at their original expected revision, or an earlier one, returns the original result and adds nothing', async () => {
      const streamId = uniqueStreamId('idempotent');
      const first = newEvents(2);
      const second = [newEvent()];
      const original = await store().append(streamId, first, 'no_stream');
      const later = await store().append(streamId, second, 1);

      await expect(store().append(streamId, first, 'no_stream')).resolves.toEqual({
        ...original,
        deduplicated: true,
      });
      for (const expected of [1, 0, 'no_stream'] as const) {
        await expect(store().append(streamId, second, expected)).resolves.toEqual({
          ...later,
          deduplicated: true,
        });
      }

      const read = await store().readStream(streamId);
      expect(read.map((event) => event.id)).toEqual([...first, ...second].map((event) => event.id));
      expect(read.map((event) => event.position)).toEqual([...original.positions, ...later.positions]);
    });

    it('answers two identical appends racing each other with one write and one deduplication', async () => {
      const streamId = uniqueStreamId('racing');
      const events = newEvents(3);

      const results = await Promise.all([
        store().append(streamId, events, 'no_stream'),
        store().append(streamId, events, 'no_stream'),
      ]);

      expect(results.map((result) => result.deduplicated).sort()).toEqual([false, true]);
      expect(results[1]).toEqual({ ...results[0], deduplicated: results[1].deduplicated });
      expect((await store().readStream(streamId)).map((event) => event.id)).toEqual(
        events.map((event) => event.id),
      );
    });

    it('rejects an append that repeats some but not all stored ids, and writes none of it', async () => {
      const streamId = uniqueStreamId('partial');
      const [a, b] = newEvents(2);
      await store().append(streamId, [a, b], 'no_stream');
      const c = newEvent();

      for (const expected of ['no_stream', 0] as const) {
        const error = await store()
          .append(streamId, [b, c], expected)
          .catch((rejection: unknown) => rejection);

        expect(error).toBeInstanceOf(PartialDuplicateAppendError);
        expect(error).toMatchObject({ streamId, duplicateIds: [b.id] });
      }
      expect((await store().readStream(streamId)).map((event) => event.id)).toEqual([a.id, b.id]);
    });
    if (capabilities.findsRetriesAtAnyRevision) {
      it('re-appending stored ids returns the original result whatever the expected revision, and adds nothing', async () => {
        const streamId = uniqueStreamId('idempotent-any');
        const first = newEvents(2);
        const second = [newEvent()];
        const original = await store().append(streamId, first, 'no_stream');
        const later = await store().append(streamId, second, 1);
        const retries: ExpectedRevision[] = ['no_stream', 'any', 'stream_exists', 1, 2, 7];

        for (const expected of retries) {
          await expect(store().append(streamId, first, expected)).resolves.toEqual({
            ...original,
            deduplicated: true,
          });
        }
        await expect(store().append(streamId, second, 1)).resolves.toEqual({ ...later, deduplicated: true });

        const read = await store().readStream(streamId);
        expect(read.map((event) => event.id)).toEqual([...first, ...second].map((event) => event.id));
      });

      it("rejects a partial repeat whatever the expected revision, 'any' included", async () => {
        const streamId = uniqueStreamId('partial-any');
        const [a, b] = newEvents(2);
        await store().append(streamId, [a, b], 'no_stream');

        const error = await store()
          .append(streamId, [b, newEvent()], 'any')
          .catch((rejection: unknown) => rejection);

        expect(error).toBeInstanceOf(PartialDuplicateAppendError);
        expect((await store().readStream(streamId)).map((event) => event.id)).toEqual([a.id, b.id]);
      });
    }
  });
}
