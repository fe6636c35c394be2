import type { EventStore } from '@crm/event-store';
import {
  openDataProtection,
  openRawEventStore,
  protectedEventStore,
  readEventStoreConfig,
  readReadStoreConfig,
} from '@crm/platform';
import { MongoReadStore, type ReadStore, SqliteReadStore } from '@crm/read-store';

export interface Stores {
  readonly events: EventStore;
  readonly reads: ReadStore;
}

/**
 * Opens just the event store (behind the personal-data encryption, as the API reads it) and the read store,
 * as the API configures them (CRM_MODE, CRM_DATA_DIR, ESDB_URL, MONGO_URL, CRM_MASTER_KEY). No Nest
 * context: a replay must not start the embedded projection host, the automation reactor or any schedule.
 */
export async function withStores<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
  const readConfig = readReadStoreConfig(process.env);
  const protection = await openDataProtection(process.env);
  const events = protectedEventStore(openRawEventStore(readEventStoreConfig(process.env)), protection);
  try {
    const reads =
      readConfig.kind === 'sqlite'
        ? SqliteReadStore.open({ path: readConfig.path })
        : await MongoReadStore.connect({ url: readConfig.url, databaseName: readConfig.databaseName });
    try {
      return await work({ events, reads });
    } finally {
      await reads.close();
    }
  } finally {
    await events.close();
    await protection.keys.close();
  }
}
