import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { CollectionWriter } from '../collection-writer';
import type { ReplayOptions, ReplayProgress, ReplaySummary } from './replay-options';
import { ReplayWindow } from './replay-window';

/**
 * Reads the event store's global log in large batches from the collection's checkpoint (or `from`,
 * whichever is later) and applies them with the runner's own batch code, checkpointing after each batch.
 * An aborted signal is seen between batches, so the batch in hand is always finished; running again
 * resumes from the checkpoint, and the version fence makes any overlap a no-op.
 */
export async function replayInto<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  collection: string,
  options: ReplayOptions<TDoc>,
): Promise<ReplaySummary> {
  const { source, readStore, signal, onProgress } = options;
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock().getTime();
  const batchSize = options.batchSize ?? 5_000;
  const writer = await CollectionWriter.open({
    definition,
    readStore,
    collection,
    maxAttempts: options.maxAttempts ?? 3,
    poison: options.poison,
    chain: options.chain,
    clock,
  });
  const window = ReplayWindow.of(options.from, options.to);
  const resumedFrom = Math.max(await writer.checkpoint(), window.fromPosition - 1);
  const until = window.toPosition ?? (await source.headPosition());
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

  while (position < until && signal?.aborted !== true) {
    const read = await source.readAll({ after: position, limit: batchSize });
    const inRange = read.filter((event) => event.position <= until);
    if (inRange.length === 0) break;
    ({ position } = await writer.apply(window.keep(inRange), inRange[inRange.length - 1].position));
    events += inRange.length;
    onProgress?.(progress());
  }
  return { ...progress(), interrupted: position < until && signal?.aborted === true };
}
