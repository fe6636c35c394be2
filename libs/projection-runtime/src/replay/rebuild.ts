import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { storageName } from '../collection-name';
import { type RebuildRecord, RebuildRecords } from './rebuild-record';
import type { ReplayOptions, ReplaySummary } from './replay-options';
import { replayInto } from './replay-into';
import { shadowCollection } from './shadow-collection';

export interface RebuildOptions<TDoc extends ProjectionDocument = ProjectionDocument>
  extends Omit<ReplayOptions<TDoc>, 'from' | 'to'> {
  /** Keep the collection this rebuild replaces for good, instead of until the next rebuild. */
  readonly keepOld?: boolean;
}

export interface RebuildSummary extends ReplaySummary {
  readonly alias: string;
  /** The collection built; the alias points at it when `swapped`. */
  readonly shadow: string;
  readonly swapped: boolean;
  /** What the alias served before the swap, kept for `crm rollback`. */
  readonly previous?: string;
  /** The collection kept for rollback by the rebuild before, dropped now that `previous` takes its place. */
  readonly dropped?: string;
}

/**
 * Builds the projection into a shadow collection from the start of the log while the alias keeps
 * serving, passes again until the shadow has everything appended meanwhile, then swaps the alias in
 * one atomic `setAlias`. Interrupted, it leaves the alias alone and the shadow recorded, so running it
 * again resumes the same shadow.
 */
export async function rebuild<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  options: RebuildOptions<TDoc>,
): Promise<RebuildSummary> {
  const { readStore } = options;
  const alias = storageName(definition.name);
  const records = await RebuildRecords.open(readStore);
  const read = await records.get(alias);
  const serving = await readStore.resolveAlias(alias);
  const shadow = shadowCollection(definition, serving, read.record);
  const version = await records.save(alias, { ...read.record, building: shadow }, read.version);

  const caughtUp = await catchUp(definition, shadow, options);
  if (caughtUp.interrupted) return { ...caughtUp, alias, shadow, swapped: false };

  await readStore.setAlias(alias, shadow);
  const record = read.record;
  const kept = options.keepOld && serving !== undefined ? [...record.kept, serving] : record.kept;
  const dropped = droppable(record, kept, [shadow, serving]);
  const rebuilt: RebuildRecord = {
    rebuilds: record.rebuilds + 1,
    kept,
    ...(serving === undefined ? {} : { previous: serving }),
  };
  await records.save(alias, rebuilt, version);
  if (dropped !== undefined) await readStore.dropCollection(dropped);
  return { ...caughtUp, alias, shadow, swapped: true, previous: serving, dropped };
}

/** Replays into the shadow, pass after pass, until no event was appended during the last one. */
async function catchUp<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  shadow: string,
  options: RebuildOptions<TDoc>,
): Promise<ReplaySummary> {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock().getTime();
  let resumedFrom: number | undefined;
  let events = 0;
  for (;;) {
    const pass = await replayInto(definition, shadow, options);
    resumedFrom ??= pass.resumedFrom;
    events += pass.events;
    if (pass.interrupted || pass.position >= (await options.source.headPosition())) {
      return { ...pass, resumedFrom, events, elapsedMs: clock().getTime() - startedAt };
    }
  }
}

/** Rollback goes back one swap, so the collection before that is dropped unless it was kept. */
function droppable(
  record: RebuildRecord,
  kept: readonly string[],
  inUse: readonly (string | undefined)[],
): string | undefined {
  const candidate = record.previous;
  if (candidate === undefined || kept.includes(candidate) || inUse.includes(candidate)) return undefined;
  return candidate;
}
