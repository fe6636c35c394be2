import type { EventEnvelope } from '@crm/domain';
import type { CustomerKeys, EventBus } from '@crm/messaging';
import type { EventSource } from '@crm/projection-runtime';
import type { ReadStore } from '@crm/read-store';

/** What one published batch covered, reported after the broker acknowledged it and before the checkpoint. */
export interface PublishedBatch {
  readonly events: readonly EventEnvelope[];
  readonly through: number;
}

export interface EventRelayOptions {
  /** The event store's global log. */
  readonly source: EventSource;
  readonly keys: CustomerKeys;
  readonly bus: Pick<EventBus, 'publish'>;
  /** Where the relay keeps its checkpoint: the read store, next to the projections' checkpoints. */
  readonly checkpoints: Pick<ReadStore, 'getCheckpoint' | 'saveCheckpoint'>;
  readonly topics: { readonly customerEvents: string; readonly orderedEvents: string };
  /** Events per publish. Default 500. */
  readonly batchSize?: number;
  /**
   * Most bytes (before compression) one publish carries; keep it below the topics' `max.message.bytes`.
   * Default `DEFAULT_MAX_BATCH_BYTES` (900,000, under Kafka's default 1 MiB).
   */
  readonly maxBatchBytes?: number;
  /** Wait before a failed batch is read and published again. Default 1,000 ms. */
  readonly retryDelayMs?: number;
  readonly clock?: () => Date;
  readonly onPublished?: (batch: PublishedBatch) => void;
  readonly onError?: (error: unknown) => void;
  /** An event the broker refused as too large even alone: it is published by reference instead. */
  readonly onOversized?: (event: EventEnvelope) => void;
}
