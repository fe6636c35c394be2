import type { NewEvent } from '@crm/domain';
import type { EventStore, ExpectedRevision } from '../event-store';
import { WrongExpectedRevisionError } from '../errors';
import type { EventStoreFactory } from './contract-fixtures';
import {
  expectContiguousRevisions,
  newEvent,
  readAllPages,
  uniqueStreamId,
  useStore,
} from './contract-fixtures';

const WRITERS = 64;
const MAX_ATTEMPTS = 10_000;

/**
 * The command-handler loop of DESIGN §5: append at the revision we believe current, and on conflict take
 * the actual revision from the error and try again. Returns the number of attempts that conflicted.
 */
async function appendWithRetry(
  store: EventStore,
  streamId: string,
  events: readonly NewEvent[],
  known: Map<string, number>,
): Promise<number> {
  for (let conflicts = 0; conflicts < MAX_ATTEMPTS; conflicts++) {
    const revision = known.get(streamId) ?? -1;
    const expected: ExpectedRevision = revision === -1 ? 'no_stream' : revision;
    try {
      const result = await store.append(streamId, events, expected);
      known.set(streamId, result.nextExpectedRevision);
      return conflicts;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      known.set(streamId, error.actual);
    }
  }
  throw new Error(`No append to ${streamId} succeeded in ${MAX_ATTEMPTS} attempts`);
}

export function describeConcurrencyContract(factory: EventStoreFactory): void {
  describe('concurrent writers', () => {
    const store = useStore(factory);

    it(`${WRITERS} writers on one stream with retry-on-conflict lose and duplicate nothing`, async () => {
      const streamId = uniqueStreamId('contended');
      const appendsPerWriter = 5;
      const written: string[] = [];
      let conflicts = 0;

      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          const known = new Map<string, number>();
          for (let i = 0; i < appendsPerWriter; i++) {
            const event = newEvent();
            conflicts += await appendWithRetry(store(), streamId, [event], known);
            written.push(event.id);
          }
        }),
      );

      const stream = await store().readStream(streamId);
      expect(stream).toHaveLength(WRITERS * appendsPerWriter);
      expect(stream[stream.length - 1].revision + 1).toBe(written.length);
      expectContiguousRevisions(stream);
      expect(new Set(stream.map((event) => event.id))).toEqual(new Set(written));
      expect(conflicts).toBeGreaterThan(0);
    }, 120_000);

    it(`${WRITERS} writers across 1,000 streams: every event stored exactly once, revisions contiguous`, async () => {
      const prefix = uniqueStreamId('spread');
      const streams = Array.from({ length: 1_000 }, (_, i) => `${prefix}-${i}`);
      const appendsPerWriter = 50;
      const before = await store().headPosition();
      const written: string[] = [];

      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          const known = new Map<string, number>();
          for (let i = 0; i < appendsPerWriter; i++) {
            const streamId = streams[(writer * 131 + i * 17) % streams.length];
            const events = Array.from({ length: 1 + ((writer + i) % 3) }, () => newEvent());
            await appendWithRetry(store(), streamId, events, known);
            written.push(...events.map((event) => event.id));
          }
        }),
      );

      const byStream = await Promise.all(streams.map((streamId) => store().readStream(streamId)));
      byStream.forEach(expectContiguousRevisions);
      const stored = byStream.flat().map((event) => event.id);
      expect(stored).toHaveLength(written.length);
      expect(new Set(stored)).toEqual(new Set(written));
      const { kept } = await readAllPages(store(), before, 1_000, (event) =>
        event.streamId.startsWith(prefix),
      );
      expect(kept.map((event) => event.id).sort()).toEqual([...written].sort());
    }, 300_000);
  });
}
