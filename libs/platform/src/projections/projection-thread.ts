import { Logger } from '@nestjs/common';
import { collectionName, type ProjectionHosting, type ProjectionStatus } from '@crm/projection-runtime';
import { discoverProjections, PROJECTIONS_ROOT } from './projection-registry';
import type { ProjectionWorkerData } from './projection-worker';
import { ProjectionWorkerConnection } from './projection-worker-connection';

export interface ProjectionThreadOptions {
  /** The folder whose projections the thread runs; default the repository's `projections/`. */
  readonly projectionsRoot?: string;
  /**
   * How often the thread's event store connection looks for appends (the API thread's, in another
   * connection). Default 10 ms: at most 10 ms of lag, about 1 % of a core while idle, and under load each
   * look finds a larger batch.
   */
  readonly pollIntervalMs?: number;
  /** Wait before restarting a thread that died, doubled after each death up to `maxRestartDelayMs`. */
  readonly restartDelayMs?: number;
  readonly maxRestartDelayMs?: number;
  /** How long `stop()` waits for the thread to save its checkpoints and exit before terminating it. */
  readonly stopTimeoutMs?: number;
}

/** A thread that stayed up this long is healthy again: its next death restarts after the first delay. */
const STABLE_AFTER_MS = 60_000;

/**
 * Embedded mode's projections on a worker thread of this process (ADR 0013): the thread opens its own
 * connections to the event store, key store and read store and runs a `ProjectionHost`, so that the
 * projections' CPU leaves the thread serving HTTP. A thread that dies is reported in `statuses()` (every
 * projection idle, `lastError` naming the failure) and restarted after a bounded, growing delay.
 */
export class ProjectionThread implements ProjectionHosting {
  private readonly logger = new Logger('ProjectionThread');
  private readonly data: ProjectionWorkerData;
  private thread: ProjectionWorkerConnection | undefined;
  private wanted = false;
  /** Why the last thread died; cleared when a new one is ready. */
  private failure: string | undefined;
  /** The last statuses the thread gave, shown (idle) while no thread answers. */
  private known: ProjectionStatus[];
  private restartTimer: NodeJS.Timeout | undefined;
  private deaths = 0;
  private readySince = 0;

  constructor(private readonly options: ProjectionThreadOptions = {}) {
    const projectionsRoot = options.projectionsRoot ?? PROJECTIONS_ROOT;
    this.data = { role: 'crm-projections', projectionsRoot, pollIntervalMs: options.pollIntervalMs ?? 10 };
    this.known = discoverProjections(projectionsRoot).map((definition) => ({
      name: definition.name,
      version: definition.version,
      collection: collectionName(definition),
      state: 'idle',
      position: 0,
      headPosition: 0,
      lagEvents: 0,
      lagMs: undefined,
      eventsPerSecond: 0,
      deadLetters: 0,
    }));
  }

  start(): void {
    if (this.wanted) throw new Error('The projection thread is already started');
    this.wanted = true;
    this.spawn();
  }

  /** Asks the thread to stop its projections (batch in hand, checkpoint) and close its stores; waits for it. */
  async stop(): Promise<void> {
    this.wanted = false;
    clearTimeout(this.restartTimer);
    const thread = this.thread;
    this.thread = undefined;
    const final = await thread?.stop(this.options.stopTimeoutMs ?? 10_000, (error) =>
      this.logger.error({ msg: 'projection thread did not stop cleanly; terminated', error }),
    );
    if (final !== undefined) this.known = final;
  }

  /** Waits until every projection has applied the head of the log as it is now. */
  async catchUp(): Promise<void> {
    const thread = this.thread;
    if (thread === undefined || (this.failure !== undefined && !thread.isReady)) {
      throw new Error(`the projection thread is not running${this.failure ? `: ${this.failure}` : ''}`);
    }
    await thread.request('catchUp');
  }

  async statuses(): Promise<ProjectionStatus[]> {
    const thread = this.thread;
    if (thread === undefined || (this.failure !== undefined && !thread.isReady)) return this.lastKnown();
    try {
      this.known = (await thread.request('statuses')) ?? [];
      return this.known;
    } catch (error) {
      if (thread.hasExited) return this.lastKnown();
      throw error;
    }
  }

  private lastKnown(): ProjectionStatus[] {
    const failure = this.failure;
    return this.known.map((status) => ({
      ...status,
      state: 'idle',
      ...(failure === undefined ? {} : { lastError: `projection thread down: ${failure}` }),
    }));
  }

  private spawn(): void {
    const thread = new ProjectionWorkerConnection(this.data, (failure) => this.died(thread, failure));
    this.thread = thread;
    thread.ready.then(
      () => {
        if (this.thread !== thread) return;
        if (this.failure !== undefined) this.logger.log({ msg: 'projection thread restarted' });
        this.failure = undefined;
        this.readySince = Date.now();
      },
      () => undefined,
    );
  }

  private died(thread: ProjectionWorkerConnection, failure: string): void {
    if (!this.wanted || this.thread !== thread) return;
    this.failure = failure;
    if (this.readySince > 0 && Date.now() - this.readySince >= STABLE_AFTER_MS) this.deaths = 0;
    this.readySince = 0;
    const first = this.options.restartDelayMs ?? 1_000;
    const delayMs = Math.min(first * 2 ** this.deaths, this.options.maxRestartDelayMs ?? 30_000);
    this.deaths += 1;
    this.logger.error({ msg: 'projection thread died; restarting', error: failure, restartInMs: delayMs });
    this.restartTimer = setTimeout(() => this.wanted && this.spawn(), delayMs);
  }
}
