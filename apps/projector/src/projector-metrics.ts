import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { BusProjectionStatus } from './bus-projector';
import type { ConsumedBatchReport } from './bus-projector-options';

export const PROJECTOR_METRICS = Symbol('ProjectorMetrics');

/** The projector's Prometheus metrics: consumer-group lag per projection, throughput, dead letters. */
export class ProjectorMetrics {
  readonly registry = new Registry();
  private readonly consumed: Counter<'projection'>;
  private readonly applied: Counter<'projection'>;
  private readonly deadLettered: Counter<'projection'>;
  private readonly failures: Counter<'projection'>;

  constructor(statuses: () => Promise<BusProjectionStatus[]>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'crm_projector_' });
    const counter = (name: string, help: string) =>
      new Counter({ name, help, labelNames: ['projection'], registers: [this.registry] });
    this.consumed = counter(
      'crm_projector_events_consumed_total',
      'Events read from the bus (duplicates included)',
    );
    this.applied = counter('crm_projector_events_applied_total', 'Events that changed a document');
    this.deadLettered = counter(
      'crm_projector_dead_letters_published_total',
      'Poison events sent to the dead-letter topic after their retries',
    );
    this.failures = counter(
      'crm_projector_batch_failures_total',
      'Batches that failed and were delivered again',
    );

    let pending: Promise<BusProjectionStatus[]> | undefined;
    const snapshot = () => (pending ??= statuses().finally(() => setImmediate(() => (pending = undefined))));
    const gauge = (
      name: string,
      help: string,
      labels: string[],
      set: (gauge: Gauge, s: BusProjectionStatus) => void,
    ) =>
      new Gauge({
        name,
        help,
        labelNames: labels,
        registers: [this.registry],
        async collect() {
          for (const status of await snapshot()) set(this, status);
        },
      });
    gauge('crm_projector_up', '1 while the projection consumes', ['projection'], (g, s) =>
      g.set({ projection: s.name }, s.state === 'running' ? 1 : 0),
    );
    gauge(
      'crm_consumer_group_lag',
      'Messages the projection consumer group has yet to read, per partition',
      ['projection', 'group', 'topic', 'partition'],
      (g, s) => {
        for (const p of s.partitions) {
          g.set(
            { projection: s.name, group: s.groupId, topic: s.topic, partition: String(p.partition) },
            p.lag,
          );
        }
      },
    );
    gauge(
      'crm_projector_lag_messages',
      'Messages the projection has yet to read, all partitions',
      ['projection'],
      (g, s) => g.set({ projection: s.name }, s.lagMessages),
    );
    gauge(
      'crm_projection_dead_letters',
      'Events set aside after failing every retry',
      ['projection'],
      (g, s) => g.set({ projection: s.name }, s.deadLetters),
    );
  }

  recordBatch(report: ConsumedBatchReport): void {
    const labels = { projection: report.projection };
    this.consumed.inc(labels, report.events);
    this.applied.inc(labels, report.applied);
    if (report.deadLettered > 0) this.deadLettered.inc(labels, report.deadLettered);
  }

  recordFailure(projection: string): void {
    this.failures.inc({ projection });
  }
}
