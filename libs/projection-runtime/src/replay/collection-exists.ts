import { UnknownCollectionError } from '@crm/read-store/errors';
import type { ReadStore } from '@crm/read-store/read-store';

/** Every read-store call but `ensureCollection` fails on a collection that was never ensured. */
export async function collectionExists(readStore: ReadStore, collection: string): Promise<boolean> {
  try {
    await readStore.get(collection, collection);
    return true;
  } catch (error) {
    if (error instanceof UnknownCollectionError) return false;
    throw error;
  }
}
