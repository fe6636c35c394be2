import type { Breakdown } from './breakdown';

/** What the parent asks a measured phase to do (argv[2], JSON). */
export type PhaseRequest =
  | {
      readonly phase: 'raw-read';
      readonly eventsPath: string;
      readonly untilPosition: number;
      readonly pageSize: number;
    }
  | {
      readonly phase: 'rebuild';
      /**
       * `replay`: `rebuild()` of `@crm/projection-runtime`, what `crm rebuild` runs (bulk replay, ADR 0011);
       * `runner`: the live `ProjectionRunner`, one read and write of every touched document per batch.
       */
      readonly engine: 'replay' | 'runner';
      readonly eventsPath: string;
      readonly readsPath: string;
      readonly untilPosition: number;
      readonly batchSize: number;
      /** The replay's `cacheDocuments`. */
      readonly cacheDocuments: number;
      /** Time the runner's calls (breakdown.ts); slower, so reported only as a split. */
      readonly instrumented: boolean;
    };

export interface PhaseResult {
  readonly events: number;
  readonly seconds: number;
  /** ru_maxrss: the kernel's high-water mark for the whole child process, start-up included. */
  readonly maxRssBytes: number;
  /** Highest `process.memoryUsage.rss()` seen by the 100 ms sampler and after each batch. */
  readonly sampledPeakRssBytes: number;
  /** RSS when the timed part began (modules loaded, stores open). */
  readonly startRssBytes: number;
  readonly notes: readonly string[];
  readonly breakdown?: Breakdown;
}

/** Messages a phase sends up its IPC channel. */
export type PhaseMessage =
  | { readonly kind: 'progress'; readonly events: number }
  | { readonly kind: 'result'; readonly result: PhaseResult };
