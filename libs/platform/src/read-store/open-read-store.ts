import { MongoReadStore, type ReadStore, SqliteReadStore } from '@crm/read-store';
import type { ReadStoreConfig } from './read-store.config';

/** The ReadStore adapter the configuration names, opened: for the Nest module and the projection thread. */
export async function openReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  return config.kind === 'sqlite'
    ? SqliteReadStore.open({ path: config.path })
    : MongoReadStore.connect({ url: config.url, databaseName: config.databaseName });
}
