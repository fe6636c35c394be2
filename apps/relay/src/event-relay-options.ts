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
  readonly bus: EventBus;
  /** Where the relay keeps its checkpoint: the read store, next to the projections' checkpoints. */
  readonly checkpoints: Pick<ReadStore, 'getCheckpoint' | 'saveCheckpoint'>;
  readonly topics: { readonly customerEvents: string; readonly orderedEvents: string };
  /** Events per publish. Default 500. */
  readonly batchSize?: number;
  /** Wait before a failed batch is read and published again. Default 1,000 ms. */
  readonly retryDelayMs?: number;
  readonly clock?: () => Date;
  readonly onPublished?: (batch: PublishedBatch) => void;
  readonly onError?: (error: unknown) => void;
}
