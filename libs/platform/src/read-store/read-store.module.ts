import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { MongoReadStore, ReadStore, SqliteReadStore } from '@crm/read-store';
import { ReadStoreConfig, readReadStoreConfig } from './read-store.config';

export const READ_STORE = Symbol('ReadStore');

async function openReadStore(config: ReadStoreConfig): Promise<ReadStore> {
  return config.kind === 'sqlite'
    ? SqliteReadStore.open({ path: config.path })
    : MongoReadStore.connect({ url: config.url, databaseName: config.databaseName });
}

/** Provides the ReadStore port, with the adapter chosen by configuration (CRM_MODE, MONGO_URL). */
@Global()
@Module({
  providers: [{ provide: READ_STORE, useFactory: () => openReadStore(readReadStoreConfig(process.env)) }],
  exports: [READ_STORE],
})
export class ReadStoreModule implements OnApplicationShutdown {
  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
