import { readReadStoreConfig } from '@crm/platform';
import { MongoReadStore, type ReadStore, SqliteReadStore } from '@crm/read-store';

/** Opens only the read store, as the API configures it: no event store, no keys, no master key needed. */
export async function withReadStore<T>(work: (reads: ReadStore) => Promise<T>): Promise<T> {
  const config = readReadStoreConfig(process.env);
  const reads =
    config.kind === 'sqlite'
      ? SqliteReadStore.open({ path: config.path })
      : await MongoReadStore.connect({ url: config.url, databaseName: config.databaseName });
  try {
    return await work(reads);
  } finally {
    await reads.close();
  }
}
