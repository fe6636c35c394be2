import type { EventEnvelope, NewEvent } from '@crm/domain';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
} from '@eventstore/db-client';
import { PartialDuplicateAppendError, WrongExpectedRevisionError } from '../../errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../event-store';
import {
  DEFAULT_STREAM_PREFIXES,
  fromCurrentRevision,
  fromRecordedEvent,
  isOwnEvent,
  matchStoredIds,
  occurredAtOrBefore,
  revisionRangeCount,
  toAppendExpectedRevision,
  toEsdbEventData,
  toReadPosition,
  toStreamRevision,
} from './esdb-event-mapping';
import { EsdbSubscription } from './esdb-subscription';
import { subscriptionFilter } from './esdb-subscription-filter';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` (passed to `EventStoreDBClient.connectionString`). */
  readonly connectionString: string;
  /** Streams of this system, by name prefix; `$all` reads and subscriptions see only these. */
  readonly streamPrefixes?: readonly string[];
  /**
   * Optional namespace prepended to every stream name on the server and stripped on read, so several
   * independent stores (tenants, test runs) can share one EventStoreDB. Default: none.
   */
  readonly namespace?: string;
  /** Page size of `$all` reads; the client has no server-side filter on `readAll`, so we page and filter. */
  readonly readAllPageSize?: number;
}

/**
 * The `EventStore` port on EventStoreDB 24.10 via `@eventstore/db-client` 6.2.1 (DESIGN §2).
 * Global positions are `$all` commit positions: see docs/adr/0003-esdb-global-position.md.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly namespace: string;
  /** Our prefixes (without namespace) and the server-side prefixes (with namespace). */
  private readonly prefixes: readonly string[];
  private readonly serverPrefixes: string[];
  private readonly pageSize: number;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(options: EsdbEventStoreOptions | string) {
    const opts: EsdbEventStoreOptions = typeof options === 'string' ? { connectionString: options } : options;
    this.client = EventStoreDBClient.connectionString(opts.connectionString);
    this.namespace = opts.namespace ?? '';
    this.prefixes = opts.streamPrefixes ?? DEFAULT_STREAM_PREFIXES;
    if (this.prefixes.length === 0) throw new Error('EsdbEventStore needs at least one stream prefix');
    this.serverPrefixes = this.prefixes.map((prefix) => this.namespace + prefix);
    this.pageSize = Math.max(2, opts.readAllPageSize ?? 1000);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    // 1. A retry of an append that is already stored (the ids are deterministic from the command id).
    //    ESDB's own idempotency only covers a retry at the same expected revision, so look first.
    const before = await this.readStream(streamId);
    const known = this.dedupOrThrow(streamId, before, events);
    if (known) return known;
    if (events.length === 0) {
      return this.emptyAppend(streamId, before, expected);
    }

    // 2. Append with optimistic concurrency.
    let nextExpectedRevision: bigint;
    let position: unknown;
    try {
      const result = await this.client.appendToStream(
        this.serverStream(streamId),
        events.map((event) => toEsdbEventData(event)),
        { expectedRevision: toAppendExpectedRevision(expected) },
      );
      nextExpectedRevision = result.nextExpectedRevision;
      position = result.position;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      // A concurrent writer, or the same append racing with itself: ESDB may report either as a conflict.
      // The pre-read showed none of our ids up to its last revision, so only newer events need a look.
      const newer = await this.readStream(streamId, { fromRevision: before.length });
      const after = [...before, ...newer];
      const raced = this.dedupOrThrow(streamId, after, events);
      if (raced) return raced;
      const lastRevision = after.length > 0 ? after[after.length - 1]!.revision : -1;
      const actual =
        error.actualVersion === undefined ? lastRevision : fromCurrentRevision(error.actualVersion);
      throw new WrongExpectedRevisionError(streamId, expected, actual);
    }

    // 3. Positions of the appended events: `AppendResult.position` is only that of the last event, so read
    //    them back (events in a stream carry their $all position since server 22.6).
    const last = Number(nextExpectedRevision);
    const first = Math.max(0, last - events.length + 1);
    let written = await this.readStream(streamId, { fromRevision: first, toRevision: last });
    let match = matchStoredIds(written, events);
    if (match.kind !== 'all') {
      written = await this.readStream(streamId);
      match = matchStoredIds(written, events);
    }
    if (match.kind !== 'all') {
      throw new Error(`Append to ${streamId} succeeded but its events were not found when read back`);
    }
    return {
      streamId,
      nextExpectedRevision: last,
      positions: match.stored.map((envelope) => envelope.position),
      // The server answers an idempotent write (same ids at the same expected revision) without a position.
      deduplicated: position === undefined,
    };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<EventEnvelope[]> {
    const fromRevision = options.fromRevision ?? 0;
    const maxCount = revisionRangeCount(fromRevision, options.toRevision);
    if (maxCount === 0) return [];
    const envelopes: EventEnvelope[] = [];
    try {
      const read = this.client.readStream(this.serverStream(streamId), {
        direction: FORWARDS,
        fromRevision: toStreamRevision(fromRevision),
        ...(maxCount === undefined ? {} : { maxCount }),
      });
      for await (const resolved of read) {
        if (!resolved.event) continue;
        const envelope = fromRecordedEvent(resolved.event, streamId);
        if (options.until !== undefined && !occurredAtOrBefore(envelope, options.until)) continue;
        envelopes.push(envelope);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return envelopes;
  }

  async readAll(options: ReadAllOptions): Promise<EventEnvelope[]> {
    const result: EventEnvelope[] = [];
    if (options.limit <= 0) return result;
    let after = Math.max(0, options.after);
    // `fromPosition` is inclusive for forward reads of $all, so every page re-reads its first event.
    for (;;) {
      let seen = 0;
      let lastPosition = after;
      const page = this.client.readAll({
        direction: FORWARDS,
        fromPosition: toReadPosition(after),
        maxCount: this.pageSize,
      });
      for await (const resolved of page) {
        seen += 1;
        const position = rawPosition(resolved);
        if (position === null || position <= after) continue;
        lastPosition = Math.max(lastPosition, position);
        const envelope = this.toOwnEnvelope(resolved, after);
        if (envelope) result.push(envelope);
        if (result.length >= options.limit) {
          await page.cancel();
          return result;
        }
      }
      if (seen < this.pageSize || lastPosition === after) return result;
      after = lastPosition;
    }
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const after = Math.max(0, options.after);
    const { types, onProgress } = options;
    // The filter's callback is built before the subscription it reports to.
    const reportTo: { subscription?: EsdbSubscription } = {};
    const source = this.client.subscribeToAll({
      fromPosition: toReadPosition(after),
      filter: subscriptionFilter(this.serverPrefixes, types, (readThrough) => {
        if (readThrough > after) reportTo.subscription?.progress(readThrough);
      }),
    });
    const subscription = new EsdbSubscription(
      source,
      (resolved) => {
        const envelope = this.toOwnEnvelope(resolved, after);
        return envelope === null || types === undefined || types.includes(envelope.type) ? envelope : null;
      },
      (closed) => this.subscriptions.delete(closed),
      types === undefined ? undefined : onProgress,
    );
    reportTo.subscription = subscription;
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    let from: number | null = null;
    for (;;) {
      let seen = 0;
      let oldest: number | null = null;
      const page = this.client.readAll({
        direction: BACKWARDS,
        fromPosition: from === null ? END : toReadPosition(from),
        maxCount: this.pageSize,
      });
      for await (const resolved of page) {
        seen += 1;
        const position = rawPosition(resolved);
        if (position === null) continue;
        oldest = oldest === null ? position : Math.min(oldest, position);
        const own = this.toOwnEnvelope(resolved, -1);
        if (own) {
          await page.cancel();
          return own.position;
        }
      }
      // Backward reads from a position return events strictly before it.
      if (seen < this.pageSize || oldest === null || oldest <= 0) return 0;
      from = oldest;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  // ---------------------------------------------------------------- helpers

  private serverStream(streamId: string): string {
    return this.namespace + streamId;
  }

  /** A `$all` event as our envelope if it is one of ours and strictly after `after`, else `null`. */
  private toOwnEnvelope(resolved: AllStreamResolvedEvent, after: number): EventEnvelope | null {
    const event = resolved.event;
    if (!event) return null;
    if (!event.streamId.startsWith(this.namespace)) return null;
    const streamId = event.streamId.slice(this.namespace.length);
    if (!isOwnEvent(streamId, event.type, this.prefixes)) return null;
    const envelope = fromRecordedEvent(event, streamId);
    return envelope.position > after ? envelope : null;
  }

  private dedupOrThrow(
    streamId: string,
    stored: readonly EventEnvelope[],
    events: readonly NewEvent[],
  ): AppendResult | null {
    const match = matchStoredIds(stored, events);
    if (match.kind === 'partial') throw new PartialDuplicateAppendError(streamId, match.duplicateIds);
    if (match.kind === 'none') return null;
    // The original result: the revision after the original append, i.e. that of its last event.
    return {
      streamId,
      nextExpectedRevision: Math.max(...match.stored.map((envelope) => envelope.revision)),
      positions: match.stored.map((envelope) => envelope.position),
      deduplicated: true,
    };
  }

  /** An append of no events writes nothing; the expected revision is still checked. */
  private emptyAppend(
    streamId: string,
    stored: readonly EventEnvelope[],
    expected: ExpectedRevision,
  ): AppendResult {
    const actual = stored.length > 0 ? stored[stored.length - 1]!.revision : -1;
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && actual === -1) ||
      (expected === 'stream_exists' && actual >= 0) ||
      expected === actual;
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
    return { streamId, nextExpectedRevision: actual, positions: [], deduplicated: false };
  }
}

/**
 * The `$all` position of any event (ours or not) as a number, for paging only; `null` if absent. Foreign and
 * system events are never mapped to envelopes, so their positions need no validation beyond this.
 */
function rawPosition(resolved: AllStreamResolvedEvent): number | null {
  const position = resolved.event?.position;
  if (!position) return null;
  const commit = position.commit;
  return commit < 0n || commit > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(commit);
}
