import { randomUUID } from 'node:crypto';
import type { EventEnvelope, NewEvent } from '@crm/domain';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type RecordedEvent,
} from '@eventstore/db-client';
import { PartialDuplicateAppendError, StreamDeletedError, WrongExpectedRevisionError } from '../../errors';
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
  attemptOf,
  DEFAULT_STREAM_PREFIXES,
  fromCurrentRevision,
  fromRecordedEvent,
  fromStreamRevision,
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

/** The part of `EventStoreDBClient` the adapter uses; unit tests pass a fake shaped like it. */
export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` (passed to `EventStoreDBClient.connectionString`). */
  readonly connectionString?: string;
  /** A client to use instead of one built from `connectionString`. */
  readonly client?: EsdbClient;
  /** Streams of this system, by name prefix; `$all` reads and subscriptions see only these. */
  readonly streamPrefixes?: readonly string[];
  /**
   * Optional namespace prepended to every stream name on the server and stripped on read, so several
   * independent stores (tenants, test runs) can share one EventStoreDB. Default: none.
   */
  readonly namespace?: string;
  /** Page size of `$all` reads; the client has no server-side filter on `readAll`, so we page and filter. */
  readonly readAllPageSize?: number;
  /** Buffered events per subscription above which its gRPC stream is paused. Default 256. */
  readonly subscriptionBuffer?: number;
}

/** One recorded event of ours, as an envelope, with the append attempt that wrote it. */
interface StoredEvent {
  readonly envelope: EventEnvelope;
  readonly attempt: string | undefined;
}

/**
 * The `EventStore` port on EventStoreDB 24.10 via `@eventstore/db-client` 6.2.1 (DESIGN §2).
 * Global positions are `$all` commit positions: see docs/adr/0003-esdb-global-position.md. What the adapter
 * relies on from the client and the server, quoted: docs/adr/0021-esdb-adapter-client-and-server-behaviour.md.
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EsdbClient;
  private readonly closeChannels: () => void;
  private readonly namespace: string;
  /** Our prefixes (without namespace) and the server-side prefixes (with namespace). */
  private readonly prefixes: readonly string[];
  private readonly serverPrefixes: string[];
  private readonly pageSize: number;
  private readonly subscriptionBuffer: number | undefined;
  private readonly subscriptions = new Set<EsdbSubscription>();

  constructor(options: EsdbEventStoreOptions | string) {
    const opts: EsdbEventStoreOptions = typeof options === 'string' ? { connectionString: options } : options;
    this.client = opts.client ?? clientFor(opts.connectionString);
    // `throwOnAppendFailure=false` makes a conflict resolve `{ success: false, nextExpectedRevision }`, and the
    // batch-append path (the one 6.2.1 takes on servers that have it) then computes that revision as
    // `BigInt(wrongExpectedVersion.hasCurrentStreamRevision())`, i.e. 1n whatever the revision
    // (dist/streams/appendToStream/batchAppend.js): conflicts would pass for successes at a made-up revision.
    // Refused outright, however the connection string spells it (the client's own flag is checked).
    if ((this.client as { readonly throwOnAppendFailure?: boolean }).throwOnAppendFailure === false) {
      throw new Error(
        'EsdbEventStore refuses throwOnAppendFailure=false in the connection string: conflicts must throw ' +
          'WrongExpectedVersionError (remove the setting; true is the default)',
      );
    }
    this.closeChannels = this.client instanceof EventStoreDBClient ? trackChannels(this.client) : () => {};
    this.namespace = opts.namespace ?? '';
    this.prefixes = opts.streamPrefixes ?? DEFAULT_STREAM_PREFIXES;
    if (this.prefixes.length === 0) throw new Error('EsdbEventStore needs at least one stream prefix');
    this.serverPrefixes = this.prefixes.map((prefix) => this.namespace + prefix);
    this.pageSize = Math.max(2, opts.readAllPageSize ?? 1000);
    this.subscriptionBuffer = opts.subscriptionBuffer;
  }

  /**
   * Appends first and reads nothing before (the command executor has just read the stream, and the shared
   * `audit-access` stream grows with every audited read). EventStoreDB answers a retry itself when it can:
   * at the original expected revision it compares the ids at the revisions after it and answers with the
   * original events (`IndexWriter.CheckCommit`, "Idempotent"); for `any`/`stream_exists` it looks the ids up
   * in its cache of recently committed events. Afterwards exactly the revisions the server reports are read
   * back, for each event's position, and the attempt id in their metadata tells our write from the server's
   * answer to a retry. A conflict reads the stream from the expected revision on, where a retry's events
   * would be, before it is reported. See ADR 0021 for what this covers and what it does not.
   */
  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) return this.emptyAppend(streamId, expected);
    const attempt = randomUUID();
    let nextExpectedRevision: bigint;
    try {
      const result = await this.client.appendToStream(
        this.serverStream(streamId),
        events.map((event) => toEsdbEventData(event, attempt)),
        { expectedRevision: toAppendExpectedRevision(expected) },
      );
      // Only `throwOnAppendFailure=false` resolves a failure, and the constructor refuses it; never trust one.
      if (!result.success) {
        throw new Error(`Append to ${streamId} was refused without an error (throwOnAppendFailure=false?)`);
      }
      nextExpectedRevision = result.nextExpectedRevision;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError)
        return this.afterConflict(streamId, events, expected, error);
      throw this.ours(error, streamId);
    }
    return this.readBack(streamId, events, attempt, fromStreamRevision(nextExpectedRevision));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<EventEnvelope[]> {
    const stored = await this.readStored(streamId, options.fromRevision ?? 0, options.toRevision);
    const envelopes = stored.map(({ envelope }) => envelope);
    const until = options.until;
    return until === undefined
      ? envelopes
      : envelopes.filter((envelope) => occurredAtOrBefore(envelope, until));
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
    // The filter's checkpoint callback is built before the subscription it reports to.
    const reportTo: { subscription?: EsdbSubscription } = {};
    const source = this.client.subscribeToAll({
      fromPosition: toReadPosition(after),
      filter: subscriptionFilter(this.serverPrefixes, types, () => reportTo.subscription),
    });
    const subscription = new EsdbSubscription({
      source,
      after,
      map: (resolved) => {
        const envelope = this.toOwnEnvelope(resolved, after);
        return envelope === null || types === undefined || types.includes(envelope.type) ? envelope : null;
      },
      onClose: (closed) => this.subscriptions.delete(closed),
      ...(types === undefined || onProgress === undefined ? {} : { onProgress }),
      ...(this.subscriptionBuffer === undefined ? {} : { maxBuffered: this.subscriptionBuffer }),
    });
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

  /** Ends the subscriptions, cancels the client's calls (`dispose()`), and closes its gRPC channels. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    try {
      await this.client.dispose();
    } finally {
      this.closeChannels();
    }
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

  /** The append was refused: a retry of it whose events are stored after `expected`, or a conflict. */
  private async afterConflict(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    error: WrongExpectedVersionError,
  ): Promise<AppendResult> {
    // The server compares ids only at a retry's own expected revision; one at an earlier revision (or at
    // `no_stream`) is refused, and its events are after the revision it expected. `any`/`stream_exists`
    // are refused only when their ids are partly stored (or the stream is missing): read it all, rarely.
    const from = typeof expected === 'number' && expected >= 0 ? expected + 1 : 0;
    const stored = await this.readStream(streamId, { fromRevision: from });
    const original = this.dedupOrThrow(streamId, stored, events);
    if (original) return original;
    // The server's current revision, not a count of what we read: truncated streams ($tb, $maxCount) start
    // past revision 0.
    throw new WrongExpectedRevisionError(streamId, expected, fromCurrentRevision(error.actualVersion));
  }

  /**
   * After a successful append: the events at the revisions the server reports, `last` and the ones before
   * it. Ours if they carry this attempt's id; stored by an earlier attempt (the server answered a retry with
   * them) if they carry another or none.
   */
  private async readBack(
    streamId: string,
    events: readonly NewEvent[],
    attempt: string,
    last: number,
  ): Promise<AppendResult> {
    const first = last - events.length + 1;
    const stored = first < 0 ? [] : await this.readStored(streamId, first, last);
    const same =
      stored.length === events.length && stored.every(({ envelope }, i) => envelope.id === events[i]!.id);
    if (!same) {
      throw new Error(
        `Append to ${streamId} succeeded at revision ${last}, but revisions ${first}..${last} do not hold its ` +
          `${events.length} event(s) when read back (a $maxCount below the append's size?)`,
      );
    }
    const written = stored.filter((event) => event.attempt === attempt).length;
    if (written !== 0 && written !== stored.length) {
      throw new Error(
        `Append to ${streamId}: revisions ${first}..${last} mix this attempt's events and others`,
      );
    }
    return {
      streamId,
      nextExpectedRevision: last,
      positions: stored.map(({ envelope }) => envelope.position),
      deduplicated: written === 0,
    };
  }

  /**
   * An append of no events writes nothing; the expected revision is still checked, against the revision of
   * the stream's last event (read backwards, one event: a truncated stream has fewer events than revisions).
   */
  private async emptyAppend(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    let actual = -1;
    try {
      const read = this.client.readStream(this.serverStream(streamId), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      });
      for await (const resolved of read) {
        if (resolved.event) actual = fromStreamRevision(resolved.event.revision);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw this.ours(error, streamId);
    }
    const ok =
      expected === 'any' ||
      (expected === 'no_stream' && actual === -1) ||
      (expected === 'stream_exists' && actual >= 0) ||
      expected === actual;
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
    return { streamId, nextExpectedRevision: actual, positions: [], deduplicated: false };
  }

  /**
   * Our events of a stream in the revision range [from, to], with the attempt that wrote each. The server
   * starts a forward read of a truncated stream ($tb, $maxCount) at its first remaining event and counts
   * `maxCount` from there (`Enumerators.ReadStreamForwards` pages on from `NextEventNumber` until it has
   * sent `maxCount` events), so revisions past `to` are dropped here rather than assumed absent.
   */
  private async readStored(streamId: string, from: number, to: number | undefined): Promise<StoredEvent[]> {
    const maxCount = revisionRangeCount(from, to);
    if (maxCount === 0) return [];
    const stored: StoredEvent[] = [];
    try {
      const read = this.client.readStream(this.serverStream(streamId), {
        direction: FORWARDS,
        fromRevision: toStreamRevision(from),
        ...(maxCount === undefined ? {} : { maxCount }),
      });
      for await (const resolved of read) {
        const event: RecordedEvent | undefined = resolved.event;
        if (!event) continue;
        if (to !== undefined && event.revision > BigInt(to)) continue;
        stored.push({ envelope: fromRecordedEvent(event, streamId), attempt: attemptOf(event) });
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw this.ours(error, streamId);
    }
    return stored;
  }

  /** The client's errors that the port names, as the port's. */
  private ours(error: unknown, streamId: string): unknown {
    return error instanceof EsdbStreamDeletedError ? new StreamDeletedError(streamId) : error;
  }
}

/** A client for the connection string; refuses none (the scheme is the client's to check). */
function clientFor(connectionString: string | undefined): EventStoreDBClient {
  if (!connectionString) throw new Error('EsdbEventStore needs a connectionString or a client');
  return EventStoreDBClient.connectionString(connectionString);
}

/**
 * Keeps the gRPC channels `client` opens, so that they can be closed: its `dispose()` cancels the calls it
 * tracks and nothing more (`@eventstore/db-client` 6.2.1, dist/Client/index.js):
 *
 *     this.dispose = async () => {
 *         ...
 *         for (const stream of this.disposableStreams) {
 *             ...
 *                 stream.cancel();
 *             ...
 *         }
 *         await Promise.allSettled(promises);
 *
 * while the channel it made in `createChannel` (`return new grpc_js_1.Channel(uri, ...)`, cached by
 * `getChannel`) stays open; only a reconnection (`handleError`) closes one. `createChannel` is an own
 * property set in the constructor and called as `this.createChannel()`, so wrapping it sees every channel.
 */
export function trackChannels(client: EventStoreDBClient): () => void {
  const internals = client as unknown as { createChannel?: () => Promise<{ close(): void }> };
  const create = internals.createChannel;
  if (typeof create !== 'function') {
    throw new Error(
      '@eventstore/db-client has no createChannel any more: see trackChannels in esdb-event-store.ts',
    );
  }
  const channels = new Set<{ close(): void }>();
  internals.createChannel = async () => {
    const channel = await create();
    channels.add(channel);
    return channel;
  };
  return () => {
    for (const channel of channels) channel.close();
    channels.clear();
  };
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
