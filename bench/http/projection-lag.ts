import { join } from 'node:path';
import Database from 'better-sqlite3';

export const LAG_SAMPLE_INTERVAL_MS = 100;

/** One projection's samples: how its lag was spread over the phase. */
export interface LagSpread {
  readonly projection: string;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly maxMs: number;
}

/** The largest lag seen while sampling, which projection had it, and each projection's spread, worst first. */
export interface ProjectionLag {
  readonly maxLagMs: number;
  readonly projection: string | undefined;
  readonly samples: number;
  readonly byProjection: readonly LagSpread[];
}

/** The nearest-rank percentile of ascending values. */
const percentile = (ascending: readonly number[], p: number): number =>
  ascending.length === 0 ? 0 : ascending[Math.max(Math.ceil((p / 100) * ascending.length) - 1, 0)];

function spread(projection: string, lags: readonly number[]): LagSpread {
  const ascending = [...lags].sort((a, b) => a - b);
  return {
    projection,
    p50Ms: percentile(ascending, 50),
    p90Ms: percentile(ascending, 90),
    maxMs: percentile(ascending, 100),
  };
}

/**
 * Samples, every 100 ms, how far each projection is behind: now minus the `recordedAt` of the oldest event
 * it has not applied (the first event after its checkpoint), 0 when it has applied them all. Read from the
 * API's own SQLite files (`events.db`, `read.db`) through read-only connections, not from `GET /health`:
 * a status there counts each projection's unapplied events by reading up to 1,000 of them on the
 * projection thread, so sampling it ten times a second would load the thread whose lag is measured.
 * The checkpoint is saved after its batch's documents, so the lag is never understated. Both files
 * are on this machine and `recordedAt` comes from the API's clock, which is this process's clock.
 */
export class ProjectionLagSampler {
  private readonly events: Database.Database;
  private readonly read: Database.Database;
  private readonly checkpoint: Database.Statement<[string], { position: number }>;
  private readonly oldestAfter: Database.Statement<[number], { recorded_at: string }>;
  private timer: NodeJS.Timeout | undefined;
  private maxLagMs = 0;
  private slowest: string | undefined;
  private samples = 0;
  private readonly lags = new Map<string, number[]>();

  constructor(
    dataDir: string,
    private readonly checkpoints: readonly string[],
  ) {
    this.events = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
    this.read = new Database(join(dataDir, 'read.db'), { readonly: true, fileMustExist: true });
    this.checkpoint = this.read.prepare('SELECT position FROM checkpoints WHERE name = ?');
    this.oldestAfter = this.events.prepare(
      'SELECT recorded_at FROM events WHERE position > ? ORDER BY position LIMIT 1',
    );
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), LAG_SAMPLE_INTERVAL_MS);
  }

  /** Stops sampling and closes the files. */
  stop(): void {
    clearInterval(this.timer);
    this.events.close();
    this.read.close();
  }

  /** The samples taken since `start`. */
  result(): ProjectionLag {
    const byProjection = [...this.lags]
      .map(([name, lags]) => spread(name, lags))
      .sort((a, b) => b.maxMs - a.maxMs);
    return { maxLagMs: this.maxLagMs, projection: this.slowest, samples: this.samples, byProjection };
  }

  private samplesOf(name: string): number[] {
    const lags = this.lags.get(name) ?? [];
    this.lags.set(name, lags);
    return lags;
  }

  private sample(): void {
    const now = Date.now();
    for (const name of this.checkpoints) {
      const position = this.checkpoint.get(name)?.position ?? 0;
      const oldest = this.oldestAfter.get(position);
      const lag = oldest === undefined ? 0 : Math.max(now - Date.parse(oldest.recorded_at), 0);
      this.samplesOf(name).push(lag);
      if (lag > this.maxLagMs) {
        this.maxLagMs = lag;
        this.slowest = name;
      }
    }
    this.samples += 1;
  }
}
