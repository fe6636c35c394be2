import type { EventStoreFactory } from './contract-fixtures';
import {
  expectStrictlyIncreasing,
  newEvent,
  newEvents,
  readAllPages,
  uniqueStreamId,
  useStore,
} from './contract-fixtures';

export function describeReadContract(factory: EventStoreFactory): void {
  describe('readStream', () => {
    const store = useStore(factory);
    const streamId = uniqueStreamId('ranges');
    const times = [
      '2026-03-01T10:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-03T10:00:00.000Z',
      '2026-03-04T10:00:00.000Z',
      '2026-03-05T10:00:00.000Z',
    ];
    const revisionsOf = async (options: Parameters<ReturnType<typeof store>['readStream']>[1]) =>
      (await store().readStream(streamId, options)).map((event) => event.revision);

    beforeAll(async () => {
      await store().append(
        streamId,
        times.map((occurredAt) => newEvent({ occurredAt })),
        'no_stream',
      );
    });

    it('reads the whole stream in revision order by default', async () => {
      expect(await revisionsOf(undefined)).toEqual([0, 1, 2, 3, 4]);
    });

    it('honours fromRevision and toRevision, both inclusive', async () => {
      expect(await revisionsOf({ fromRevision: 2 })).toEqual([2, 3, 4]);
      expect(await revisionsOf({ toRevision: 1 })).toEqual([0, 1]);
      expect(await revisionsOf({ fromRevision: 1, toRevision: 3 })).toEqual([1, 2, 3]);
      expect(await revisionsOf({ fromRevision: 5 })).toEqual([]);
    });

    it('keeps only events that occurred at or before until', async () => {
      expect(await revisionsOf({ until: times[2] })).toEqual([0, 1, 2]);
      expect(await revisionsOf({ until: '2026-03-03T12:00:00+02:00' })).toEqual([0, 1, 2]);
      expect(await revisionsOf({ until: '2026-02-28T00:00:00.000Z' })).toEqual([]);
      expect(await revisionsOf({ fromRevision: 1, until: times[3] })).toEqual([1, 2, 3]);
    });

    it('reads an unknown stream as empty', async () => {
      const unknown = uniqueStreamId('unknown');
      expect(await store().readStream(unknown)).toEqual([]);
      expect(await store().readStream(unknown, { fromRevision: 3, until: times[0] })).toEqual([]);
    });
  });

  describe('readAll', () => {
    const store = useStore(factory);

    it('pages through the global log in order, with after exclusive', async () => {
      const streams = [uniqueStreamId('all-a'), uniqueStreamId('all-b'), uniqueStreamId('all-c')];
      const before = await store().headPosition();
      const appended: string[] = [];
      for (let round = 0; round < 5; round++) {
        for (const streamId of streams) {
          const events = newEvents(1 + ((round + streams.indexOf(streamId)) % 3));
          await store().append(streamId, events, 'any');
          appended.push(...events.map((event) => event.id));
        }
      }
      const ours = new Set(streams);

      const { kept, pages } = await readAllPages(store(), before, 7, (event) => ours.has(event.streamId));

      expect(kept.map((event) => event.id)).toEqual(appended);
      const positions = pages.flat().map((event) => event.position);
      expect(positions[0]).toBeGreaterThan(before);
      expectStrictlyIncreasing(positions);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(7);
      expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(appended.length / 7));
    });

    it('returns only events strictly after the given position', async () => {
      const streamId = uniqueStreamId('after');
      const { positions } = await store().append(streamId, newEvents(3), 'no_stream');

      const [next] = await store().readAll({ after: positions[0], limit: 1 });

      expect(next.position).toBeGreaterThan(positions[0]);
      expect(next.position).toBeLessThanOrEqual(positions[1]);
      expect(await store().readAll({ after: await store().headPosition(), limit: 10 })).toEqual([]);
    });
  });
}
