import { MongoReadStore, type ReadStore, SqliteReadStore } from '@crm/read-store';
import { preparePrivateDatabaseFile } from '../storage/private-files';
import type { ReadStoreConfig } from './read-store.config';

/** The ReadStore adapter the configuration names, opened: for the Nest module and the projection thread. */
export async function openReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  if (config.kind === 'sqlite') {
    preparePrivateDatabaseFile(config.path);
    return SqliteReadStore.open({ path: config.path });
  }
  return MongoReadStore.connect({ url: config.url, databaseName: config.databaseName });
}
