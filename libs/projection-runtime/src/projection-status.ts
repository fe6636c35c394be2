export type RunnerState = 'idle' | 'running' | 'stopping';

/** What `/projections` and `crm projections status` show for one projection. */
export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  /** The collection it writes, `<name>_v<version>` or a rebuild `<name>_v<version>_r<n>`; also the checkpoint's name. */
  readonly collection: string;
  readonly state: RunnerState;
  /** Checkpoint: every event at or below it has been applied or dead-lettered. */
  readonly position: number;
  readonly headPosition: number;
  /**
   * Events after the checkpoint up to the head, counted by reading them, at most `LAG_COUNT_CAP` (1,000: a
   * value at the cap means at least that many). Never a difference of positions (ADR 0003).
   */
  readonly lagEvents: number;
  /** Now minus the recordedAt of the newest applied event; 0 when caught up, undefined before any. */
  readonly lagMs: number | undefined;
  readonly eventsPerSecond: number;
  readonly deadLetters: number;
  /** The last batch failure (I/O), cleared by the next successful batch. */
  readonly lastError?: string;
}
