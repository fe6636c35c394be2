import type { EventStore } from '@crm/event-store';
import type { ProjectionHosting, ProjectionStatus } from '@crm/projection-runtime';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const METRICS = Symbol('Metrics');

/** This process's Prometheus metrics; one registry per application, so tests can run several apps. */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;

  constructor(store: EventStore, projections?: ProjectionHosting) {
    collectDefaultMetrics({ register: this.registry, prefix: 'crm_' });
    this.httpDuration = new Histogram({
      name: 'crm_http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    new Gauge({
      name: 'crm_event_store_head_position',
      help: 'Global position of the newest event in the log',
      registers: [this.registry],
      async collect() {
        this.set(await store.headPosition());
      },
    });
    if (projections) this.projectionGauges(projections);
  }

  private projectionGauges(host: ProjectionHosting): void {
    // One statuses() call per scrape, shared by the gauges, which prom-client collects concurrently.
    let pending: Promise<ProjectionStatus[]> | undefined;
    const snapshot = (): Promise<ProjectionStatus[]> =>
      (pending ??= host.statuses().finally(() => setImmediate(() => (pending = undefined))));
    const gauge = (name: string, help: string, value: (status: ProjectionStatus) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['projection'],
        registers: [this.registry],
        async collect() {
          for (const status of await snapshot()) this.set({ projection: status.name }, value(status));
        },
      });
    gauge('crm_projection_up', '1 while the projection runs', (s) => (s.state === 'running' ? 1 : 0));
    gauge('crm_projection_position', 'Checkpoint: last global position applied', (s) => s.position);
    gauge('crm_projection_lag_events', 'Events between the log head and the checkpoint', (s) => s.lagEvents);
    gauge(
      'crm_projection_lag_seconds',
      'Age of the newest applied event; 0 when caught up',
      (s) => (s.lagMs ?? 0) / 1_000,
    );
    gauge('crm_projection_dead_letters', 'Events set aside after failing every retry', (s) => s.deadLetters);
  }
}
