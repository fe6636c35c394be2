import type { EventEnvelope } from '@crm/domain';

/** A live view of the global log after a position; closing it ends the iteration. */
export interface EventFeed extends AsyncIterable<EventEnvelope> {
  close(): Promise<void>;
}

/** An event of a stream: where a stream-by-stream read goes on. */
export interface StreamCursor {
  readonly streamId: string;
  readonly revision: number;
}

/**
 * Where a runner reads events, in global order. The embedded event store satisfies it as is; a bus
 * adapter (Kafka) can implement it for the distributed mode.
 */
export interface EventSource {
  /** Events with a position strictly greater than `after`, at most `limit`. */
  readAll(options: { readonly after: number; readonly limit: number }): Promise<readonly EventEnvelope[]>;
  /**
   * Optional: the events at or below `until`, stream by stream (streams in id order, each in revision
   * order), at most `limit`, after the cursor. The SQLite event store has it (an index walk).
   */
  readAllByStream?(options: {
    readonly until: number;
    readonly after?: StreamCursor;
    readonly limit: number;
  }): Promise<readonly EventEnvelope[]>;
  /**
   * Optional, beside `readAllByStream`: the same pages (`limit: pageSize` from each page's last event), read
   * ahead where the source can (the SQLite event store: on a worker thread). Ending the loop stops the read.
   */
  readAllByStreamPages?(options: {
    readonly until: number;
    readonly after?: StreamCursor;
    readonly pageSize: number;
  }): AsyncIterable<readonly EventEnvelope[]>;
  /** Events after `after`, then new ones as they are appended. */
  subscribeToAll(options: { readonly after: number }): EventFeed;
  /** Position of the newest event, 0 when there is none. */
  headPosition(): Promise<number>;
}
