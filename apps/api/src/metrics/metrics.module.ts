import { Module } from '@nestjs/common';
import type { EventStore } from '@crm/event-store';
import type { ProjectionHosting } from '@crm/projection-runtime';
import { EVENT_STORE, PROJECTION_HOST } from '@crm/platform';
import { ApiMetrics, METRICS } from './metrics';
import { MetricsController } from './metrics.controller';

@Module({
  providers: [
    {
      provide: METRICS,
      inject: [EVENT_STORE, { token: PROJECTION_HOST, optional: true }],
      useFactory: (store: EventStore, projections?: ProjectionHosting) => new ApiMetrics(store, projections),
    },
  ],
  controllers: [MetricsController],
  exports: [METRICS],
})
export class MetricsModule {}
