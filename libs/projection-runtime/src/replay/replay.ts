import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { storageName } from '../collection-name';
import { projectionTarget } from '../projection-target';
import type { ReplayOptions, ReplaySummary } from './replay-options';
import { replayInto } from './replay-into';

/**
 * Fills a projection, existing or new, from the event store into the collection its runner writes
 * (`projectionTarget`), pointing the alias at it when the alias is unset, as the runner does.
 */
export async function replay<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  options: ReplayOptions<TDoc>,
): Promise<ReplaySummary> {
  const { readStore } = options;
  const collection = await projectionTarget(readStore, definition);
  const summary = await replayInto(definition, collection, options);
  const alias = storageName(definition.name);
  if ((await readStore.resolveAlias(alias)) === undefined) await readStore.setAlias(alias, collection);
  return summary;
}
