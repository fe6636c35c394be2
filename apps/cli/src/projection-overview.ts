import { DEAD_LETTERS, projectionTarget, storageName } from '@crm/projection-runtime';
import type { Stores } from './stores';
import type { CataloguedProjection } from './projection-catalogue';

export interface ProjectionRow {
  readonly name: string;
  readonly version: number;
  readonly collection: string;
  readonly alias: string;
  readonly position: number;
  readonly lag: number;
  readonly eventsPerSecond: number;
  readonly deadLetters: number;
}

const position = async ({ reads }: Stores, collection: string): Promise<number> =>
  (await reads.getCheckpoint(collection))?.position ?? 0;

/**
 * One row per projection. The rate is measured, not remembered: the checkpoints are read twice,
 * `sampleMs` apart, because the runners' own meters live in the API process.
 */
export async function projectionOverview(
  stores: Stores,
  catalogue: readonly CataloguedProjection[],
  sampleMs: number,
): Promise<ProjectionRow[]> {
  const { reads, events } = stores;
  await reads.ensureCollection(DEAD_LETTERS);
  const targets = await Promise.all(catalogue.map(({ definition }) => projectionTarget(reads, definition)));
  const before = await Promise.all(targets.map((target) => position(stores, target)));
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const head = await events.headPosition();
  return Promise.all(
    catalogue.map(async ({ definition }, index) => {
      const collection = targets[index];
      const now = await position(stores, collection);
      return {
        name: definition.name,
        version: definition.version,
        collection,
        alias: (await reads.resolveAlias(storageName(definition.name))) ?? '-',
        position: now,
        lag: Math.max(head - now, 0),
        eventsPerSecond: Math.round(((now - before[index]) * 1_000) / sampleMs),
        deadLetters: await reads.count(DEAD_LETTERS.name, [
          { field: 'projection', op: 'eq', value: collection },
        ]),
      };
    }),
  );
}
