import type { EventEnvelope, ProjectionDefinition, ProjectionDocument } from '@crm/domain';
import type { ReadStore } from '@crm/read-store/read-store';
import type { DocumentChain } from './document-chain';
import type { EventSource } from './event-source';

/** What one batch did, reported after its checkpoint is saved. */
export interface BatchReport {
  readonly events: readonly EventEnvelope[];
  readonly position: number;
  readonly applied: number;
  readonly deadLettered: number;
  /** When the checkpoint was saved, by the runner's clock. */
  readonly completedAt: Date;
}

export interface ProjectionRunnerOptions<TDoc extends ProjectionDocument = ProjectionDocument> {
  readonly definition: ProjectionDefinition<TDoc>;
  readonly source: EventSource;
  readonly readStore: ReadStore;
  /**
   * At most this many events read and applied per batch. Default 2,000: a quiet tail still makes small
   * batches (the runner takes what has arrived), and a busy one spends less per event the larger its
   * batches (the documents one batch touches are written once; `npm run bench:projection-apply`).
   */
  readonly batchSize?: number;
  /** Tries of `documentId` / `evolve` for one event before it is dead-lettered. Default 3. */
  readonly maxAttempts?: number;
  /** Wait before a running runner retries a batch whose I/O failed. Default 1,000 ms. */
  readonly retryDelayMs?: number;
  /** Source of checkpoint times, lag and rates. Default the system clock. */
  readonly clock?: () => Date;
  /**
   * What to do with an event that still fails after `maxAttempts`: dead-letter it and go on (default),
   * or halt, failing the batch, where a gap would be worse than a stop (the audit trail's chain).
   */
  readonly poison?: 'dead-letter' | 'halt';
  /**
   * Documents it wrote that the runner keeps in memory for the next batches instead of reading them back
   * (ADR 0015), least recently used dropped first. Default 2,000; 0 reads every document back.
   */
  readonly documentCacheSize?: number;
  /** Links each applied document to the previous one in global order (the audit trail's hash chain). */
  readonly chain?: DocumentChain<TDoc>;
  readonly onBatch?: (report: BatchReport) => void;
}
