import type { CommittedGroup } from './group-commit-queue';

export interface SqliteEventStoreOptions {
  /** Database file; created with its directory if missing. ':memory:' is refused: it cannot be shared or survive. */
  readonly path: string;
  /** How long a write waits for another process's lock before failing. Default 5,000 ms. */
  readonly busyTimeoutMs?: number;
  /** How often an idle subscription looks for appends made by other processes. Default 50 ms. */
  readonly pollIntervalMs?: number;
  /**
   * The least time between two reads of a subscription that local commits wake: one woken sooner reads
   * when the interval has passed, taking every commit since in one page. Default 0: it reads at once.
   */
  readonly wakeIntervalMs?: number;
  /** Events read per page by a subscription. Default 1,000. */
  readonly subscriptionBatchSize?: number;
  /** Most appends written in one group-commit transaction. Default 1,000. */
  readonly maxGroupAppends?: number;
  /** Most events written in one group-commit transaction. Default 20,000. */
  readonly maxGroupEvents?: number;
  /**
   * Pages `readAllByStreamPages` reads ahead of its consumer on a worker thread. 0 reads each page on the
   * calling thread when it is asked for. Default 2.
   */
  readonly readAheadPages?: number;
  /**
   * Write groups on a dedicated worker thread with its own connection to the file (ADR 0017), so that the
   * INSERTs and the COMMIT's fsync leave the calling thread's event loop. Reads stay on this thread's
   * connection and see an append as soon as it has resolved. Default false: groups are written here.
   */
  readonly writerThread?: boolean;
  /** Source of recordedAt, read once per group as it is sent to be written. Default the system clock. */
  readonly clock?: () => Date;
  /** Called after each group commits: metrics, and tests that observe grouping. */
  readonly onGroupCommit?: (group: CommittedGroup) => void;
}
