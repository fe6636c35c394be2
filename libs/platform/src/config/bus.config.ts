import { join } from 'node:path';
import type { BusEnvironment } from './bus-environment';
import { resolveTopology } from './topology';

export interface BusTopics {
  /** Keyed by customer, `partitions` partitions: per-customer projections scale out over it. */
  readonly customerEvents: string;
  /** The same events on one partition, in global order: projections that need the global order read it. */
  readonly orderedEvents: string;
  readonly deadLetters: string;
  readonly partitions: number;
}

export type BusConfig = { readonly topics: BusTopics } & (
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'kafka';
      readonly brokers: readonly string[];
      readonly clientId: string;
      readonly idempotent: boolean;
      readonly replicationFactor: number;
    }
);

/** `EVENT_BUS=kafka`: Kafka at KAFKA_BROKERS. `EVENT_BUS=embedded`: the SQLite topic log `$CRM_DATA_DIR/bus.db`. */
export function busConfig(env: BusEnvironment): BusConfig {
  const topics: BusTopics = {
    customerEvents: env.BUS_TOPIC,
    orderedEvents: env.BUS_ORDERED_TOPIC,
    deadLetters: env.BUS_DEAD_LETTER_TOPIC,
    partitions: env.BUS_PARTITIONS,
  };
  if (resolveTopology(env).eventBus === 'embedded') {
    return { kind: 'sqlite', path: join(env.CRM_DATA_DIR ?? './data', 'bus.db'), topics };
  }
  return {
    kind: 'kafka',
    brokers: (env.KAFKA_BROKERS ?? '').split(','),
    clientId: env.KAFKA_CLIENT_ID,
    idempotent: env.KAFKA_IDEMPOTENT === 'true',
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
    topics,
  };
}
