import type { EventFactory } from './workload';
import { type Batch, callerQueues, type SingleAppend } from './workload';
import type { Page, Subject } from './subject';
import { type Measurement, now } from './timing';

export interface RunConfig {
  readonly streams: readonly string[];
  readonly batchSize: number;
  readonly callers: number;
  readonly readBatch: number;
}

/**
 * The four workloads, timed identically for every subject. (a), (c) and (d) are exposed one step
 * (one call) at a time so that lockstep.ts can interleave the systems; (b) runs whole. Each subject keeps its own map of
 * stream revisions so every append carries an exact expected revision.
 */
export class WorkloadRunner {
  private readonly revisions: number[];
  private written = 0;

  constructor(
    readonly subject: Subject,
    private readonly factory: EventFactory,
    private readonly config: RunConfig,
  ) {
    this.revisions = new Array<number>(config.streams.length).fill(-1);
  }

  /** Events this subject has stored so far. */
  get eventsWritten(): number {
    return this.written;
  }

  /** (a) One append call of a batch to its stream at the known revision; returns its duration. */
  async appendBatchTimed(batch: Batch): Promise<bigint> {
    const streamId = this.config.streams[batch.streamIndex] as string;
    const expected = this.revisions[batch.streamIndex] as number;
    const start = now();
    await this.subject.appendBatch(streamId, batch.events, expected);
    const nanos = now() - start;
    this.revisions[batch.streamIndex] = expected + batch.events.length;
    this.written += batch.events.length;
    return nanos;
  }

  /**
   * (b) `total` single-event appends from `callers` concurrent callers; caller c owns the streams
   * with index ≡ c (mod callers) and awaits each append before its next. Queues are built before
   * the clock starts; the clock stops when the last caller finishes.
   */
  async concurrentSingleAppends(total: number, firstEventNumber: number): Promise<Measurement> {
    const queues = callerQueues(
      this.factory,
      this.config.streams,
      total,
      this.config.callers,
      firstEventNumber,
    );
    let aborted = false;
    const caller = async (queue: readonly SingleAppend[]): Promise<void> => {
      for (const { streamIndex, event } of queue) {
        if (aborted) return;
        const expected = this.revisions[streamIndex] as number;
        await this.subject.appendSingle(this.config.streams[streamIndex] as string, event, expected);
        this.revisions[streamIndex] = expected + 1;
      }
    };
    const start = now();
    const settled = await Promise.allSettled(
      queues.map((queue) =>
        caller(queue).catch((error: unknown) => {
          aborted = true; // stop the other callers before the next operation starts
          throw error;
        }),
      ),
    );
    const nanos = now() - start;
    const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failure) throw failure.reason;
    this.written += total;
    return { events: total, nanos };
  }

  /** (c) One page of the whole log after `after`, every event decoded; returns the page and its duration. */
  async readPageTimed(after: number): Promise<{ page: Page; nanos: bigint }> {
    const start = now();
    const page = await this.subject.readAllPage(after, this.config.readBatch);
    return { page, nanos: now() - start };
  }

  /** (d) One whole stream, every event decoded; returns its event count and the duration. */
  async readStreamTimed(streamId: string): Promise<{ count: number; nanos: bigint }> {
    const start = now();
    const count = await this.subject.readStream(streamId);
    return { count, nanos: now() - start };
  }

  /** Reads must return exactly what was written. */
  check(operation: string, read: number): void {
    if (read !== this.written) {
      throw new Error(
        `${this.subject.name}: ${operation} returned ${read} events, ${this.written} were written`,
      );
    }
  }
}
