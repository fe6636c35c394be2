import type { EventEnvelope, NewEvent } from '@crm/domain';

/**
 * `no_stream`: the stream must not exist yet. `stream_exists`: it must have at least one event.
 * `any`: no check. A number: the revision of the stream's last event (revisions start at 0).
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the stream's last event after this append; when deduplicated, the original append's last revision. */
  readonly nextExpectedRevision: number;
  /** Global position of each appended event, in order. */
  readonly positions: readonly number[];
  /**
   * True when every event id was already stored: nothing was written, the original positions are returned.
   * Every adapter recognises a retry at the expected revision of the original append, or an earlier one;
   * SQLite (ids are UNIQUE) at any expected revision. EventStoreDB compares ids only at the revisions after
   * the one a retry expects (and, for `any`/`stream_exists`, in a bounded cache of recent ids), so a retry
   * at a later revision is refused as a conflict, or written again if it names the current one: callers that
   * re-read a stream before retrying look for their own events there, as the command executor does
   * (docs/adr/0021-esdb-adapter-client-and-server-behaviour.md).
   */
  readonly deduplicated: boolean;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive). Default 0. */
  readonly fromRevision?: number;
  /** Last revision to return (inclusive). */
  readonly toRevision?: number;
  /** Only events whose occurredAt is at or before this ISO instant. */
  readonly until?: string;
}

export interface ReadAllOptions {
  /** Return events with a global position strictly greater than this. 0 reads from the start. */
  readonly after: number;
  /** At most this many events. */
  readonly limit: number;
}

/** Where a stream-by-stream read goes on: after this event of this stream. */
export interface StreamCursor {
  readonly streamId: string;
  readonly revision: number;
}

export interface ReadByStreamOptions {
  /** Only events at or below this global position. */
  readonly until: number;
  /** Go on after this event; from the first stream when absent. */
  readonly after?: StreamCursor;
  /** At most this many events. */
  readonly limit: number;
}

export interface ReadByStreamPagesOptions {
  /** Only events at or below this global position. */
  readonly until: number;
  /** Go on after this event; from the first stream when absent. */
  readonly after?: StreamCursor;
  /** Events per page: every page but the last holds exactly this many. */
  readonly pageSize: number;
}

export interface SubscribeOptions {
  /** Deliver events with a global position strictly greater than this, then tail live appends. */
  readonly after: number;
  /**
   * Only events of these types, as stored (every type when absent), filtered where the store can (an SQL
   * condition, a server-side filter) so that a consumer of a few types does not receive the whole log.
   */
  readonly types?: readonly string[];
  /**
   * With `types`: the position the subscription has read through, past events of other types. Called only
   * once every event before it has been taken, and awaited before the next one is delivered, so that a
   * consumer may checkpoint it and not read what it skipped again after a restart. SQLite reports it after
   * each scan of the log, EventStoreDB at the checkpoints of the server's filter.
   */
  readonly onProgress?: (position: number) => Promise<void>;
}

/**
 * An async-iterable view of the global log that catches up and then follows new events until closed.
 * Iterate it once; close() makes a pending next() resolve done.
 */
export interface Subscription extends AsyncIterable<EventEnvelope> {
  close(): Promise<void>;
}

/** The append-only log of customer events: the system's source of truth (DESIGN §2, §4). */
export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** An unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<EventEnvelope[]>;
  readAll(options: ReadAllOptions): Promise<EventEnvelope[]>;
  /**
   * Optional, where an index makes it cheap (SQLite): the log up to `until` stream by stream, each stream in
   * revision order, streams in id order. A replay of a projection whose documents each follow one stream
   * folds every document in one go this way (ADR 0011).
   */
  readAllByStream?(options: ReadByStreamOptions): Promise<EventEnvelope[]>;
  /**
   * Optional, beside `readAllByStream`: the same events in the same pages (`readAllByStream` with
   * `limit: pageSize` from each page's last event), no empty page, read ahead of the consumer where the
   * adapter can (SQLite: on a worker thread, a bounded number of pages ahead), so that a replay folds one
   * page while the next is read. Iterate it once; ending the loop (done, `break`, or a throw in its body)
   * stops the read-ahead. A failed read rejects the pending `next()`.
   */
  readAllByStreamPages?(options: ReadByStreamPagesOptions): AsyncIterable<EventEnvelope[]>;
  /**
   * Optional, where event ids are indexed (SQLite: `id` is UNIQUE): the event with this id, in whatever
   * stream, or undefined. Event ids derive from the command id, so this finds a retried command's first
   * outcome without reading its stream (ADR 0014). EventStoreDB has no lookup by event id (only stream and
   * `$all` reads), so its adapter leaves this out and callers read the stream instead.
   */
  readEventById?(eventId: string): Promise<EventEnvelope | undefined>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Global position of the newest event, 0 when the log is empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}
