import {
  countEvents,
  DEAD_LETTERS,
  type EventCount,
  projectionTarget,
  storageName,
} from '@crm/projection-runtime';
import type { Stores } from './stores';
import type { CataloguedProjection } from './projection-catalogue';

export interface ProjectionRow {
  readonly name: string;
  readonly version: number;
  readonly collection: string;
  readonly alias: string;
  readonly position: number;
  /** Events after the checkpoint, counted; `≥N` when the count stopped at its cap. */
  readonly lag: Counted;
  /** Events the checkpoint passed during the sample, per second. */
  readonly eventsPerSecond: Counted;
  readonly deadLetters: number;
}

/** A count, or `≥N` when it stopped at {@link COUNT_CAP}. */
export type Counted = number | `≥${number}`;

/**
 * Events read at most for each figure. Both figures are counts of events read between two positions, never
 * a difference of positions: EventStoreDB's are byte offsets in its log (ADR 0003).
 */
const COUNT_CAP = 10_000;

const counted = ({ count, capped }: EventCount, scale = 1): Counted => {
  const value = Math.round(count * scale);
  return capped ? `≥${value}` : value;
};

const position = async ({ reads }: Stores, collection: string): Promise<number> =>
  (await reads.getCheckpoint(collection))?.position ?? 0;

/**
 * One row per projection. The rate is measured, not remembered: the checkpoints are read twice,
 * `sampleMs` apart, because the runners' own meters live in the API process, and the events between the
 * two are counted.
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
        lag: counted(await countEvents(events, now, head, COUNT_CAP)),
        eventsPerSecond: counted(await countEvents(events, before[index], now, COUNT_CAP), 1_000 / sampleMs),
        deadLetters: await reads.count(DEAD_LETTERS.name, [
          { field: 'projection', op: 'eq', value: collection },
        ]),
      };
    }),
  );
}
