import { BeforeApplicationShutdown, Global, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { ProjectionHosting } from '@crm/projection-runtime';
import { ProjectionThread } from './projection-thread';

export const PROJECTION_HOST = Symbol('ProjectionHost');

/**
 * Embedded mode's bus (DESIGN §2): every projection the registry finds under `projections/` tails the
 * event store's global log from its checkpoint, on a worker thread of this process with its own store
 * connections (ADR 0013), and stops after the batch in hand on shutdown.
 */
@Global()
@Module({
  providers: [{ provide: PROJECTION_HOST, useFactory: () => new ProjectionThread() }],
  exports: [PROJECTION_HOST],
})
// Starts once every provider is up (the stores exist, the dev master key is written) and stops before any
// store closes: Nest runs every beforeApplicationShutdown hook before onApplicationShutdown.
export class EmbeddedProjectionsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(PROJECTION_HOST) private readonly host: ProjectionHosting) {}

  onApplicationBootstrap(): void {
    this.host.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.host.stop();
  }
}
