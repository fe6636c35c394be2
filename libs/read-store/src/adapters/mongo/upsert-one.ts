import { type Collection, type Document, type Filter, MongoServerError, type UpdateFilter } from 'mongodb';
import { DUPLICATE_KEY } from './mongo-write';

/**
 * `updateOne` with `upsert: true` that survives a concurrent upsert of the same `_id`. Two upserts that both
 * find nothing both insert, and the loser fails with a duplicate key (MongoDB's manual, "Upsert with
 * Duplicate Values"); MongoDB 4.2+ retries some of these itself, FerretDB and older servers do not. The
 * second attempt finds the winner's document and updates it.
 */
export async function upsertOne<T extends Document>(
  collection: Collection<T>,
  filter: Filter<T>,
  update: UpdateFilter<T>,
): Promise<void> {
  try {
    await collection.updateOne(filter, update, { upsert: true });
  } catch (error) {
    if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    await collection.updateOne(filter, update, { upsert: true });
  }
}
