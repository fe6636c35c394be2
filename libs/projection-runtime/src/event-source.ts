import type { EventEnvelope } from '@crm/domain';

/** A live view of the global log after a position; closing it ends the iteration. */
export interface EventFeed extends AsyncIterable<EventEnvelope> {
  close(): Promise<void>;
}

/**
 * Where a runner reads events, in global order. The embedded event store satisfies it as is; a bus
 * adapter (Kafka) can implement it for the distributed mode.
 */
export interface EventSource {
  /** Events with a position strictly greater than `after`, at most `limit`. */
  readAll(options: { readonly after: number; readonly limit: number }): Promise<readonly EventEnvelope[]>;
  /** Events after `after`, then new ones as they are appended. */
  subscribeToAll(options: { readonly after: number }): EventFeed;
  /** Position of the newest event, 0 when there is none. */
  headPosition(): Promise<number>;
}
