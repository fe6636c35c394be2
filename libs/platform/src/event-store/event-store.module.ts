import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { upcast } from '@crm/domain';
import { EsdbEventStore, EventStore, SqliteEventStore, UpcastingEventStore } from '@crm/event-store';
import { EventStoreConfig, readEventStoreConfig } from './event-store.config';

export const EVENT_STORE = Symbol('EventStore');

function openEventStore(config: EventStoreConfig): EventStore {
  const store =
    config.kind === 'sqlite'
      ? SqliteEventStore.open({ path: config.path })
      : new EsdbEventStore(config.connectionString);
  return new UpcastingEventStore(store, upcast);
}

/** Provides the EventStore port, with the adapter chosen by configuration (CRM_MODE, ESDB_URL). */
@Global()
@Module({
  providers: [
    { provide: 'EVENT_STORE_CONFIG', useFactory: () => readEventStoreConfig(process.env) },
    { provide: EVENT_STORE, inject: ['EVENT_STORE_CONFIG'], useFactory: openEventStore },
  ],
  exports: [EVENT_STORE, 'EVENT_STORE_CONFIG'],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
