import { upcast } from '@crm/domain';
import { EsdbEventStore, type EventStore, SqliteEventStore, UpcastingEventStore } from '@crm/event-store';
import { readEventStoreConfig, readReadStoreConfig } from '@crm/platform';
import { MongoReadStore, type ReadStore, SqliteReadStore } from '@crm/read-store';

export interface Stores {
  readonly events: EventStore;
  readonly reads: ReadStore;
}

/**
 * Opens just the event store and the read store, as the API configures them (CRM_MODE, CRM_DATA_DIR,
 * ESDB_URL, MONGO_URL). No Nest context: a replay must not start the embedded projection host, the
 * automation reactor or any schedule.
 */
export async function withStores<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
  const eventConfig = readEventStoreConfig(process.env);
  const readConfig = readReadStoreConfig(process.env);
  const raw =
    eventConfig.kind === 'sqlite'
      ? SqliteEventStore.open({ path: eventConfig.path })
      : new EsdbEventStore(eventConfig.connectionString);
  const events = new UpcastingEventStore(raw, upcast);
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
  }
}
