import { BeforeApplicationShutdown, Global, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@crm/event-store';
import type { ProjectionHost } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';
import { EVENT_STORE } from '../event-store/event-store.module';
import { READ_STORE } from '../read-store/read-store.module';
import { projectionHost } from './projection-host-factory';

export const PROJECTION_HOST = Symbol('ProjectionHost');

/**
 * Embedded mode's in-process bus (DESIGN §2): every projection the registry finds under `projections/`
 * tails the event store's global log in this process, from its checkpoint, and stops after the batch in
 * hand on shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: PROJECTION_HOST,
      inject: [EVENT_STORE, READ_STORE],
      useFactory: (store: EventStore, readStore: ReadStore) => projectionHost(store, readStore),
    },
  ],
  exports: [PROJECTION_HOST],
})
// Stops before any store closes: Nest runs every beforeApplicationShutdown hook before onApplicationShutdown.
export class EmbeddedProjectionsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(PROJECTION_HOST) private readonly host: ProjectionHost) {}

  onApplicationBootstrap(): void {
    this.host.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.host.stop();
  }
}
