import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { ReadStore } from '@crm/read-store';
import { openReadStore } from './open-read-store';
import { readReadStoreConfig } from './read-store.config';

export const READ_STORE = Symbol('ReadStore');

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
