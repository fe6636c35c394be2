import type { BusLog } from '../../bus-log';

export interface KafkaEventBusOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /**
   * Idempotent producer (default): the broker drops a retried duplicate, so a retry neither duplicates nor
   * reorders. Turn it off only for brokers that lack idempotence (acks stay -1 either way).
   */
  readonly idempotent?: boolean;
  /** Replication factor of topics the bus creates; -1 (default) takes the broker's default. */
  readonly replicationFactor?: number;
  readonly log?: BusLog;
}
