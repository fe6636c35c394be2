import { join } from 'node:path';
import Database from 'better-sqlite3';

export const LAG_SAMPLE_INTERVAL_MS = 100;

/** The largest lag seen while sampling, and which projection had it. */
export interface ProjectionLag {
  readonly maxLagMs: number;
  readonly projection: string | undefined;
  readonly samples: number;
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
    return { maxLagMs: this.maxLagMs, projection: this.slowest, samples: this.samples };
  }

  private sample(): void {
    const now = Date.now();
    for (const name of this.checkpoints) {
      const position = this.checkpoint.get(name)?.position ?? 0;
      const oldest = this.oldestAfter.get(position);
      const lag = oldest === undefined ? 0 : Math.max(now - Date.parse(oldest.recorded_at), 0);
      if (lag > this.maxLagMs) {
        this.maxLagMs = lag;
        this.slowest = name;
      }
    }
    this.samples += 1;
  }
}
