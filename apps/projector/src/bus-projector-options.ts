import type { EventEnvelope, ProjectionDefinition } from '@crm/domain';
import type { EventBus } from '@crm/messaging';
import type { ProjectionDelivery, ProjectionRunOptions } from '@crm/platform';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';

/** What one consumed batch did, once its documents were written and before its offsets are committed. */
export interface ConsumedBatchReport {
  readonly projection: string;
  readonly events: number;
  readonly applied: number;
  readonly deadLettered: number;
}

export interface BusProjectorOptions {
  readonly definition: ProjectionDefinition;
  readonly runOptions: ProjectionRunOptions;
  readonly delivery: ProjectionDelivery;
  readonly bus: EventBus;
  readonly readStore: ReadStore;
  /** The event store's global log: a new consumer group, and a rebuild's swap, catch up from it. */
  readonly eventStore: EventSource;
  readonly topics: {
    readonly customerEvents: string;
    readonly orderedEvents: string;
    readonly deadLetters: string;
  };
  readonly groupId: string;
  /**
   * Turns events as they travel (personal fields sealed, see docs/data-protection.md) into what projections
   * read, as the embedded event store does on read. Default: as they are.
   */
  readonly openEvents?: (events: readonly EventEnvelope[]) => Promise<EventEnvelope[]>;
  /** Events per handled batch. Default 500. */
  readonly batchSize?: number;
  /** Partitions of the per-customer topic applied at once (ordered delivery reads one). Default 1. */
  readonly concurrentPartitions?: number;
  /** Tries of `documentId` / `evolve` for one event before it is dead-lettered. Default 3. */
  readonly maxAttempts?: number;
  /** Wait before a failed batch is delivered again. Default 1,000 ms. */
  readonly retryDelayMs?: number;
  readonly clock?: () => Date;
  readonly onBatch?: (report: ConsumedBatchReport) => void;
  readonly onError?: (error: unknown) => void;
}
