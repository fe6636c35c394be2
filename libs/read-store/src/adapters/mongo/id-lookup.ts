import type { Collection, Db, Filter } from 'mongodb';
import type { MongoDocument } from './mongo-document';

/**
 * How `getMany` finds documents by id: `in` is one `{_id: {$in}}` query, which MongoDB serves from the `_id`
 * index; `each` is one `{_id}` query per id, several at a time, for servers that scan the whole collection
 * for `$in` (FerretDB 1.x pushes only equality down to its SQL backend, so a projector's batch read would
 * cost a scan of every document).
 */
export type IdLookup = 'in' | 'each';

/** Queries of `each` in flight at once: enough to hide round trips, few enough to leave the pool to others. */
const EACH_AT_ONCE = 32;

/** `each` on FerretDB (its `buildInfo` names its version), `in` on every other server. */
export async function detectIdLookup(db: Db): Promise<IdLookup> {
  const info = await db.admin().command({ buildInfo: 1 });
  return 'ferretdbVersion' in info ? 'each' : 'in';
}

export async function findByIds(
  documents: Collection<MongoDocument>,
  ids: readonly string[],
  lookup: IdLookup,
): Promise<MongoDocument[]> {
  const live: Filter<MongoDocument> = { deleted: { $eq: false } };
  if (lookup === 'in') return documents.find({ _id: { $in: [...ids] }, ...live }).toArray();
  const found: MongoDocument[] = [];
  for (let start = 0; start < ids.length; start += EACH_AT_ONCE) {
    const slice = ids.slice(start, start + EACH_AT_ONCE);
    const read = await Promise.all(slice.map((id) => documents.findOne({ _id: { $eq: id }, ...live })));
    for (const document of read) if (document !== null) found.push(document);
  }
  return found;
}
