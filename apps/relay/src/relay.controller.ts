import { Controller, Get, Header, Inject } from '@nestjs/common';
import { EventRelay, type RelayStatus } from './event-relay';
import { RELAY_METRICS, type RelayMetrics } from './relay-metrics';

export interface RelayHealth {
  readonly status: 'ok' | 'failing';
  readonly relay: RelayStatus;
}

@Controller()
export class RelayController {
  constructor(
    @Inject(EventRelay) private readonly relay: EventRelay,
    @Inject(RELAY_METRICS) private readonly metrics: RelayMetrics,
  ) {}

  /** "failing" while the last batch failed (broker or store down); the relay keeps retrying. */
  @Get('health')
  async health(): Promise<RelayHealth> {
    const relay = await this.relay.status();
    return { status: relay.lastError === undefined ? 'ok' : 'failing', relay };
  }

  @Get('metrics')
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
