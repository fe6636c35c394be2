import { Controller, Get, Inject } from '@nestjs/common';
import { EventStore } from '@crm/event-store';
import { EVENT_STORE, EventStoreConfig } from '@crm/platform';

export interface HealthReport {
  readonly status: 'ok';
  readonly eventStore: { readonly adapter: EventStoreConfig['kind']; readonly headPosition: number };
}

@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject('EVENT_STORE_CONFIG') private readonly config: EventStoreConfig,
  ) {}

  @Get()
  async check(): Promise<HealthReport> {
    return {
      status: 'ok',
      eventStore: { adapter: this.config.kind, headPosition: await this.store.headPosition() },
    };
  }
}
