import type { ProjectionField } from '@crm/domain';
import { UnknownCollectionError } from '@crm/read-store/errors';
import type { CollectionSpec, JsonObject, ReadStore } from '@crm/read-store/read-store';
import { storageName } from './collection-name';

/**
 * One document per ad-hoc projection (a definition loaded from a file by `crm replay --definition`), by
 * alias: what a reader needs to find and query it by name once the file is gone, since no registry lists it.
 */
export const AD_HOC_PROJECTIONS: CollectionSpec = { name: 'ad_hoc_projections', fields: [] };

export interface AdHocProjection {
  readonly name: string;
  /** The version its alias serves. */
  readonly version: number;
  /** Its declared fields: the only ones a query may filter or sort on. */
  readonly fields: readonly ProjectionField[];
  /** The definition file it was last replayed from, absolute. */
  readonly file: string;
}

/** Records (or replaces) what readers need of an ad-hoc projection; each write bumps the document's version. */
export async function recordAdHocProjection(
  readStore: ReadStore,
  projection: AdHocProjection,
): Promise<void> {
  await readStore.ensureCollection(AD_HOC_PROJECTIONS);
  const id = storageName(projection.name);
  const version = (await readStore.get(AD_HOC_PROJECTIONS.name, id))?.version ?? 0;
  const body = JSON.parse(JSON.stringify(projection)) as JsonObject;
  await readStore.bulkWrite(AD_HOC_PROJECTIONS.name, [
    { kind: 'upsert', document: { id, version: version + 1, body } },
  ]);
}

/** Every recorded ad-hoc projection, by alias; none while no definition file was ever replayed. */
export async function adHocProjections(readStore: ReadStore): Promise<AdHocProjection[]> {
  const found: AdHocProjection[] = [];
  let cursor: string | undefined;
  try {
    do {
      const page = await readStore.find(AD_HOC_PROJECTIONS.name, { limit: 1_000, cursor });
      found.push(...page.items.map((item) => item.body as unknown as AdHocProjection));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  } catch (error) {
    if (error instanceof UnknownCollectionError) return [];
    throw error;
  }
  return found;
}

/** The recorded ad-hoc projection of that name, if any. */
export async function findAdHocProjection(
  readStore: ReadStore,
  name: string,
): Promise<AdHocProjection | undefined> {
  try {
    const stored = await readStore.get(AD_HOC_PROJECTIONS.name, storageName(name));
    const projection = stored?.body as unknown as AdHocProjection | undefined;
    return projection?.name === name ? projection : undefined;
  } catch (error) {
    if (error instanceof UnknownCollectionError) return undefined;
    throw error;
  }
}
