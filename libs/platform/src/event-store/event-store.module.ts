import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { upcast } from '@crm/domain';
import {
  EsdbEventStore,
  EventStore,
  SqliteEventStore,
  type SqliteEventStoreOptions,
  UpcastingEventStore,
} from '@crm/event-store';
import { type DataProtection, EncryptingEventStore, openDataProtection } from '../crypto';
import { preparePrivateDatabaseFile } from '../storage/private-files';
import { EventStoreConfig, readEventStoreConfig } from './event-store.config';

export const EVENT_STORE = Symbol('EventStore');
/** The log as stored: personal fields sealed. For whatever forwards events out of the process (the relay). */
export const SEALED_EVENT_STORE = Symbol('SealedEventStore');
export const DATA_PROTECTION = Symbol('DataProtection');

/**
 * Subscribers in a process that also appends (the API's reactors) read at most this often while its
 * commits keep waking them (ADR 0019, addendum): under load, one read per interval instead of one per
 * group commit, each of which must read pages the writer's commit made cold.
 */
const COMMIT_WAKE_INTERVAL_MS = 20;

/** `sqlite` tunes the embedded adapter (the projection thread polls more often than the default). */
export function openRawEventStore(
  config: EventStoreConfig,
  sqlite: Omit<SqliteEventStoreOptions, 'path'> = {},
): EventStore {
  if (config.kind === 'sqlite') {
    preparePrivateDatabaseFile(config.path);
    return SqliteEventStore.open({ ...sqlite, path: config.path });
  }
  return new EsdbEventStore(config.connectionString);
}

/** What every reader in the process uses: personal fields opened (or shown erased), old schemas upcast. */
export function protectedEventStore(raw: EventStore, protection: DataProtection): EventStore {
  return new UpcastingEventStore(new EncryptingEventStore(raw, protection.cipher), upcast);
}

/**
 * Provides the EventStore port, with the adapter chosen by configuration (CRM_MODE, ESDB_URL), behind the
 * personal-data encryption (docs/data-protection.md) and the upcasters.
 */
@Global()
@Module({
  providers: [
    { provide: 'EVENT_STORE_CONFIG', useFactory: () => readEventStoreConfig(process.env) },
    { provide: DATA_PROTECTION, useFactory: () => openDataProtection(process.env) },
    {
      provide: 'RAW_EVENT_STORE',
      inject: ['EVENT_STORE_CONFIG'],
      // The API appends on its request path: group commits leave its event loop (ADR 0017).
      useFactory: (config: EventStoreConfig) =>
        openRawEventStore(config, { writerThread: true, wakeIntervalMs: COMMIT_WAKE_INTERVAL_MS }),
    },
    {
      provide: EVENT_STORE,
      inject: ['RAW_EVENT_STORE', DATA_PROTECTION],
      useFactory: protectedEventStore,
    },
    {
      provide: SEALED_EVENT_STORE,
      inject: ['RAW_EVENT_STORE'],
      useFactory: (raw: EventStore) => new UpcastingEventStore(raw, upcast),
    },
  ],
  exports: [EVENT_STORE, SEALED_EVENT_STORE, DATA_PROTECTION, 'EVENT_STORE_CONFIG'],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_PROTECTION) private readonly protection: DataProtection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    await this.protection.keys.close();
  }
}
