import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { RelayStatus } from './event-relay';

export const RELAY_METRICS = Symbol('RelayMetrics');

/** The relay's Prometheus metrics: how far it published, how far behind the log head it is. */
export class RelayMetrics {
  readonly registry = new Registry();
  readonly published: Counter;
  readonly failures: Counter;

  constructor(status: () => Promise<RelayStatus>) {
    collectDefaultMetrics({ register: this.registry, prefix: 'crm_relay_' });
    this.published = new Counter({
      name: 'crm_relay_published_events_total',
      help: 'Events published to the bus and acknowledged by it (a republished batch counts again)',
      registers: [this.registry],
    });
    this.failures = new Counter({
      name: 'crm_relay_batch_failures_total',
      help: 'Batches that failed to publish or checkpoint and were retried',
      registers: [this.registry],
    });
    let pending: Promise<RelayStatus> | undefined;
    const snapshot = () => (pending ??= status().finally(() => setImmediate(() => (pending = undefined))));
    const gauge = (name: string, help: string, value: (status: RelayStatus) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          this.set(value(await snapshot()));
        },
      });
    gauge('crm_relay_up', '1 while the relay runs', (status) => (status.state === 'running' ? 1 : 0));
    gauge(
      'crm_relay_position',
      'Checkpoint: last global position acknowledged by the bus',
      (s) => s.position,
    );
    gauge(
      'crm_event_store_head_position',
      'Global position of the newest event in the log',
      (s) => s.headPosition,
    );
    gauge('crm_relay_lag_events', 'Events not yet published, counted up to 1000', (s) => s.lagEvents);
  }
}
