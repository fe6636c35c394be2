import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { BulkCollectionWriter } from './bulk-collection-writer';
import { collectionExists } from './collection-exists';
import type { ReplayOptions, ReplayProgress, ReplaySummary } from './replay-options';
import { ReplayWindow } from './replay-window';
import { StreamOrderedReplay } from './stream-ordered-replay';

/** Documents a replay in global order holds in memory by default: about 200 MB of customer-360 documents. */
export const DEFAULT_REPLAY_CACHE_DOCUMENTS = 30_000;
/** Events a replay in global order reads between checkpoints by default. */
export const DEFAULT_REPLAY_CHECKPOINT_EVENTS = 250_000;
const DEFAULT_BATCH_SIZE = 5_000;

/**
 * Fills `collection` from the event store (ADR 0011). A new collection of a projection whose documents each
 * follow one stream, from a source that reads stream by stream, is first filled stream by stream to the
 * head (`StreamOrderedReplay`). Then, or otherwise, the global log is read in large batches from the
 * collection's checkpoint (or `from`, whichever is later) and folded into documents held in memory
 * (`BulkCollectionWriter`), written when evicted and at each checkpoint.
 *
 * An aborted signal is seen between batches: the batch in hand is finished and everything is written;
 * running again resumes where it stopped, and the version fence makes any overlap a no-op.
 */
export async function replayInto<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  collection: string,
  options: ReplayOptions<TDoc>,
): Promise<ReplaySummary> {
  const { source, readStore, signal, onProgress } = options;
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock().getTime();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxAttempts = options.maxAttempts ?? 3;
  const window = ReplayWindow.of(options.from, options.to);
  const checkpoint = (await readStore.getCheckpoint(collection))?.position ?? 0;
  const resumedFrom = Math.max(checkpoint, window.fromPosition - 1);
  let until = window.toPosition ?? (await source.headPosition());
  let position = resumedFrom;
  let events = 0;
  const progress = (): ReplayProgress => ({
    collection,
    resumedFrom,
    position,
    until,
    events,
    elapsedMs: clock().getTime() - startedAt,
  });

  const cacheDocuments = options.cacheDocuments ?? DEFAULT_REPLAY_CACHE_DOCUMENTS;
  const byStream = await streamOrdered(definition, collection, options, {
    batchSize,
    cacheDocuments,
    maxAttempts,
    clock,
    until,
    fresh: resumedFrom === 0,
  });
  if (byStream !== undefined) {
    until = Math.max(until, byStream.until);
    const done = await byStream.run(signal, (read) => {
      events = read;
      onProgress?.(progress());
    });
    if (!done) return { ...progress(), interrupted: true };
    position = byStream.until;
  }

  const writer = await BulkCollectionWriter.open({
    definition,
    readStore,
    collection,
    maxAttempts,
    poison: options.poison,
    chain: options.chain,
    clock,
    cacheDocuments,
    checkpointEvents: options.checkpointEvents ?? DEFAULT_REPLAY_CHECKPOINT_EVENTS,
  });
  writer.startAt(position);
  while (position < until && signal?.aborted !== true) {
    const read = await source.readAll({ after: position, limit: batchSize });
    const inRange = read.filter((event) => event.position <= until);
    if (inRange.length === 0) break;
    position = inRange[inRange.length - 1].position;
    await writer.apply(window.keep(inRange), position, inRange.length);
    events += inRange.length;
    onProgress?.(progress());
  }
  await writer.finish();
  return { ...progress(), interrupted: position < until && signal?.aborted === true };
}

/**
 * The stream-by-stream pass this replay runs first, if any: one an earlier run left unfinished, or a new
 * one for a collection that does not exist yet, filled from the start of the log with no instant bounds.
 */
async function streamOrdered<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  collection: string,
  options: ReplayOptions<TDoc>,
  run: {
    batchSize: number;
    cacheDocuments: number;
    maxAttempts: number;
    clock: () => Date;
    until: number;
    fresh: boolean;
  },
): Promise<StreamOrderedReplay<TDoc> | undefined> {
  const { source, readStore, chain, from, to } = options;
  const applies =
    definition.oneStreamPerDocument === true &&
    source.readAllByStream !== undefined &&
    chain === undefined &&
    from === undefined &&
    typeof to !== 'string';
  if (!applies) return undefined;
  const replayOptions = { ...run, definition, source, readStore, collection, poison: options.poison };
  const pending = await StreamOrderedReplay.pending(replayOptions);
  if (pending !== undefined) return pending;
  if (!run.fresh || (await collectionExists(readStore, collection))) return undefined;
  return StreamOrderedReplay.start(replayOptions, run.until);
}
