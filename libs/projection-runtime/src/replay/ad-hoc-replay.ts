import type { ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import { recordAdHocProjection } from '../ad-hoc-projections';
import { storageName } from '../collection-name';
import { collectionExists } from './collection-exists';
import type { ReplayOptions, ReplaySummary } from './replay-options';
import { replay } from './replay';

export interface AdHocReplaySummary extends ReplaySummary {
  /** What readers query: `crm query <name>` and `GET /projections/<name>/documents` go through it. */
  readonly alias: string;
  /** The alias serves the collection this run filled; false while an interrupted run of a new version waits. */
  readonly serving: boolean;
}

/**
 * Fills a projection defined outside the repository (`crm replay --definition <file>`, ADR "ad-hoc
 * projections") into its own collection `<name>_v<version>`, like `replay`. No host runs it live, so the
 * collection stands as of the head when the run started; a run again brings it up to the new head.
 *
 * Once the collection is complete its alias points at it, also away from an earlier version's: nothing
 * else serves an ad-hoc projection, so there is no live reader to keep on the old version. The name,
 * version and fields are then recorded in the read store (`recordAdHocProjection`) so that readers find
 * the projection by name without the file. An interrupted first run serves what it has (the alias was
 * unset), an interrupted new version leaves the previous one serving until it completes.
 */
export async function replayAdHoc<TDoc extends ProjectionDocument>(
  definition: ProjectionDefinition<TDoc>,
  file: string,
  options: ReplayOptions<TDoc>,
): Promise<AdHocReplaySummary> {
  const { readStore } = options;
  const alias = storageName(definition.name);
  if ((await readStore.resolveAlias(alias)) === undefined && (await collectionExists(readStore, alias))) {
    throw new Error(
      `Projection "${definition.name}" would be read through the alias ${alias}, but a collection of ` +
        'that name exists in the read store; give the projection another name',
    );
  }
  const summary = await replay(definition, options);
  if (!summary.interrupted) await readStore.setAlias(alias, summary.collection);
  const serving = (await readStore.resolveAlias(alias)) === summary.collection;
  if (serving) {
    const { name, version, fields = [] } = definition;
    await recordAdHocProjection(readStore, { name, version, fields, file });
  }
  return { ...summary, alias, serving };
}
