import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { collectionName } from '../collection-name';
import { isCollectionOf } from '../projection-target';
import type { RebuildRecord } from './rebuild-record';

/**
 * Where a rebuild writes while the alias keeps serving: the shadow an interrupted rebuild of this version
 * left, else `<name>_v<version>` when the alias serves another version (or nothing), else the next
 * `<name>_v<version>_r<n>`, a collection no runner writes until the alias points at it.
 */
export function shadowCollection(
  definition: ProjectionDefinition<ProjectionDocument>,
  serving: string | undefined,
  record: RebuildRecord,
): string {
  if (record.building !== undefined && isCollectionOf(definition, record.building)) return record.building;
  const base = collectionName(definition);
  if (serving === undefined || !isCollectionOf(definition, serving)) return base;
  const servingSuffix = Number(/_r(\d+)$/.exec(serving)?.[1] ?? 0);
  return `${base}_r${Math.max(record.rebuilds, servingSuffix) + 1}`;
}
