import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import type { ReadStore } from '@crm/read-store/read-store';
import { collectionName, storageName } from './collection-name';

/** `<name>_v<version>` and its rebuilds `<name>_v<version>_r<n>`: the collections one version may write. */
export function isCollectionOf(
  definition: ProjectionDefinition<ProjectionDocument>,
  collection: string,
): boolean {
  const base = collectionName(definition);
  return collection === base || new RegExp(`^${base}_r[1-9][0-9]*$`).test(collection);
}

/**
 * Where a projection's events go: the collection its alias serves when that collection belongs to this
 * version (a rebuild swapped the alias to it), else `<name>_v<version>`. Runners and replays both write
 * here, so a swap made by `crm rebuild` or `crm rollback` moves every writer along with the readers.
 */
export async function projectionTarget(
  readStore: ReadStore,
  definition: ProjectionDefinition<ProjectionDocument>,
): Promise<string> {
  const served = await readStore.resolveAlias(storageName(definition.name));
  return served !== undefined && isCollectionOf(definition, served) ? served : collectionName(definition);
}
