import { Controller, Get, Inject, Optional } from '@nestjs/common';
import type { EventStore } from '@crm/event-store';
import type { ProjectionHosting, ProjectionStatus } from '@crm/projection-runtime';
import { EVENT_STORE, EventStoreConfig, PROJECTION_HOST } from '@crm/platform';
import { Public } from '../auth/access.decorators';

export interface HealthReport {
  readonly status: 'ok';
  readonly eventStore: { readonly adapter: EventStoreConfig['kind']; readonly headPosition: number };
  /** The projections this process runs (embedded mode); absent where a separate projector runs them. */
  readonly projections?: ProjectionStatus[];
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject('EVENT_STORE_CONFIG') private readonly config: EventStoreConfig,
    @Optional() @Inject(PROJECTION_HOST) private readonly projections?: ProjectionHosting,
  ) {}

  @Get()
  async check(): Promise<HealthReport> {
    const eventStore = { adapter: this.config.kind, headPosition: await this.store.headPosition() };
    return this.projections
      ? { status: 'ok', eventStore, projections: await this.projections.statuses() }
      : { status: 'ok', eventStore };
  }
}
