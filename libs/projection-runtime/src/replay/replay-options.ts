import type { ProjectionDocument } from '@crm/domain';
import type { ReadStore } from '@crm/read-store/read-store';
import type { DocumentChain } from '../document-chain';
import type { EventSource } from '../event-source';

/** A global position (inclusive), or an ISO instant compared with each event's `occurredAt` (inclusive). */
export type ReplayBound = number | string;

/** Where a replay stands, after each batch. */
export interface ReplayProgress {
  readonly collection: string;
  /** The checkpoint the run started from. */
  readonly resumedFrom: number;
  readonly position: number;
  /** The position the run goes to: `--to` as a position, else the head of the log when it started. */
  readonly until: number;
  /** Events read by this run. */
  readonly events: number;
  readonly elapsedMs: number;
}

export interface ReplaySummary extends ReplayProgress {
  /** Stopped by the signal before `until`; running it again resumes from `position`. */
  readonly interrupted: boolean;
}

export interface ReplayOptions<TDoc extends ProjectionDocument = ProjectionDocument> {
  readonly source: EventSource;
  readonly readStore: ReadStore;
  readonly from?: ReplayBound;
  readonly to?: ReplayBound;
  /** Events read and applied per batch. Default 5,000. */
  readonly batchSize?: number;
  /**
   * Documents held in memory across batches (bounds memory); beyond it the least recently used are written
   * out and read again when needed. Default `DEFAULT_REPLAY_CACHE_DOCUMENTS`.
   */
  readonly cacheDocuments?: number;
  /**
   * Events read between checkpoints: each checkpoint writes every changed document first, so a crash loses
   * at most this much work. Default `DEFAULT_REPLAY_CHECKPOINT_EVENTS`.
   */
  readonly checkpointEvents?: number;
  /** Tries of `documentId` / `evolve` for one event before it is dead-lettered. Default 3. */
  readonly maxAttempts?: number;
  readonly poison?: 'dead-letter' | 'halt';
  readonly chain?: DocumentChain<TDoc>;
  /** Checked between batches: the batch in hand is finished and checkpointed, then the replay returns. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReplayProgress) => void;
  /** Checkpoint times and elapsed time. Default the system clock. */
  readonly clock?: () => Date;
}
