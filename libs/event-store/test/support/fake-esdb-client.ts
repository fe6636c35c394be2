import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import {
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type Filter,
  type Position,
  type RecordedEvent,
  type ResolvedEvent,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
// The client's own Transform, so that the adapter meets its real `_transform` and `checkpointReached` call.
import { Subscription as ClientSubscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import type { EsdbClient } from '../../src/adapters/esdb';

/**
 * A hand-driven gRPC read stream, as `client.read(req)` returns it: the client pipes it into its
 * `Subscription` and cancels it on `unsubscribe()`.
 */
export class FakeGrpcStream extends PassThrough {
  cancelled = false;

  constructor() {
    super({ objectMode: true });
  }

  cancel(): void {
    this.cancelled = true;
    this.end();
  }

  /** A `ReadResp` carrying an event, as the generated protobuf class answers `hasEvent()`/`getEvent()`. */
  sendEvent(resolved: AllStreamResolvedEvent): void {
    this.write({ hasEvent: () => true, getEvent: () => resolved });
  }

  /** A `ReadResp` carrying a checkpoint of the server's filter (positions travel as decimal strings). */
  sendCheckpoint(commit: bigint, prepare: bigint = commit): void {
    this.write({
      hasCheckpoint: () => true,
      getCheckpoint: () => ({
        getCommitPosition: () => commit.toString(10),
        getPreparePosition: () => prepare.toString(10),
      }),
    });
  }
}

/** The client's real subscription Transform over a fake gRPC stream; `convertGrpcEvent` passes events through. */
export function clientSubscription(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  checkpointReached?: (subscription: any, position: Position) => unknown,
): { readonly subscription: AllStreamSubscription; readonly grpc: FakeGrpcStream } {
  const grpc = new FakeGrpcStream();
  const subscription = new ClientSubscription(
    () => Promise.resolve(grpc) as never,
    ((event: AllStreamResolvedEvent) => event) as never,
    {},
    checkpointReached as never,
  ) as unknown as AllStreamSubscription;
  return { subscription, grpc };
}

interface FakeStream {
  readonly events: RecordedEvent[];
  last: number;
  truncateBefore: number;
  tombstoned: boolean;
}

export interface ReadCall {
  readonly streamName: string;
  readonly fromRevision: bigint | 'start' | 'end';
  readonly direction: string;
  /** Events the read handed out. */
  delivered: number;
}

/** Bytes each record takes in the fake log: positions are byte offsets, far apart, as on the server. */
const RECORD_SIZE = 173n;

/**
 * An `EventStoreDBClient` in memory, shaped like the real one and answering as EventStoreDB 24.10 does where
 * the adapter depends on it: `IndexWriter.CheckCommit` for expected revisions and idempotent retries (an
 * index check at a revision; a cache lookup for `any`/`stream_exists`), `Enumerators.ReadStreamForwards` for
 * truncated streams (the read starts at the first remaining event and counts `maxCount` from there),
 * tombstones (`StreamDeletedError`), inclusive forward and exclusive backward `$all` reads. Subscriptions
 * are the client's real `Subscription` over a `FakeGrpcStream` each test drives by hand.
 */
export class FakeEsdbClient implements EsdbClient {
  /** Resolve conflicts as `{ success: false }`, as a client with `throwOnAppendFailure=false` does. */
  private readonly resolveConflicts: boolean;
  readonly log: RecordedEvent[] = [];
  readonly reads: ReadCall[] = [];
  readonly subscriptions: { readonly grpc: FakeGrpcStream; readonly filter: Filter | undefined }[] = [];
  disposed = false;
  private readonly streams = new Map<string, FakeStream>();
  /** The server's `_committedEvents` cache: id → stream and revision, for `any`/`stream_exists` retries. */
  private readonly recentIds = new Map<string, { streamName: string; revision: number }>();
  private position = 0n;
  /** Appends wait for this before they are decided, so that tests can interleave them. */
  gate: Promise<void> = Promise.resolve();

  constructor(options: { resolveConflicts?: boolean } = {}) {
    this.resolveConflicts = options.resolveConflicts ?? false;
  }

  async appendToStream(
    streamName: string,
    events: EventData | EventData[],
    options: { expectedRevision?: AppendExpectedRevision } = {},
  ): Promise<AppendResult> {
    await this.gate;
    const list = Array.isArray(events) ? events : [events];
    const expected = options.expectedRevision ?? 'any';
    const stream = this.stream(streamName);
    if (stream.tombstoned) throw StreamDeletedError.fromStreamName(streamName);
    const decision = this.checkCommit(stream, streamName, expected, list);
    if (decision.kind === 'wrong') {
      if (this.resolveConflicts) {
        return { success: false, nextExpectedRevision: BigInt(stream.last), position: undefined };
      }
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        current: stream.last < 0 ? 'no_stream' : BigInt(stream.last),
        expected,
      });
    }
    if (decision.kind === 'idempotent') {
      const end = stream.events.find((event) => Number(event.revision) === decision.end)!;
      return { success: true, nextExpectedRevision: BigInt(decision.end), position: end.position };
    }
    let last: RecordedEvent | undefined;
    for (const event of list) last = this.write(streamName, stream, event);
    return { success: true, nextExpectedRevision: BigInt(stream.last), position: last!.position };
  }

  readStream(
    streamName: string,
    options: { fromRevision?: bigint | 'start' | 'end'; direction?: string; maxCount?: number | bigint } = {},
  ): ReturnType<EsdbClient['readStream']> {
    const call: ReadCall = {
      streamName,
      fromRevision: options.fromRevision ?? 'start',
      direction: options.direction ?? 'forwards',
      delivered: 0,
    };
    this.reads.push(call);
    const stream = this.streams.get(streamName);
    if (stream?.tombstoned) return failing(StreamDeletedError.fromStreamName(streamName)) as never;
    if (stream === undefined || stream.last < 0) {
      return failing(new StreamNotFoundError(undefined, streamName)) as never;
    }
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const visible = stream.events.filter((event) => Number(event.revision) >= stream.truncateBefore);
    let selected: RecordedEvent[];
    if (call.direction === 'backwards') {
      const from = call.fromRevision;
      selected = visible
        .filter((event) => typeof from !== 'bigint' || event.revision <= from)
        .reverse()
        .slice(0, maxCount);
    } else {
      const from = typeof call.fromRevision === 'bigint' ? call.fromRevision : 0n;
      selected = visible.filter((event) => event.revision >= from).slice(0, maxCount);
    }
    call.delivered = selected.length;
    return streaming(selected.map((event): ResolvedEvent => ({ event }))) as never;
  }

  readAll(
    options: {
      fromPosition?: Position | 'start' | 'end';
      direction?: string;
      maxCount?: number | bigint;
    } = {},
  ): ReturnType<EsdbClient['readAll']> {
    const maxCount = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const from = options.fromPosition ?? 'start';
    let selected: RecordedEvent[];
    if ((options.direction ?? 'forwards') === 'backwards') {
      selected = this.log
        .filter((event) => typeof from !== 'object' || event.position!.commit < from.commit)
        .reverse()
        .slice(0, maxCount);
    } else {
      selected = this.log
        .filter((event) => typeof from !== 'object' || event.position!.commit >= from.commit)
        .slice(0, maxCount);
    }
    return streaming(selected.map((event) => ({ event }) as AllStreamResolvedEvent)) as never;
  }

  subscribeToAll(options: { filter?: Filter } = {}): AllStreamSubscription {
    const { subscription, grpc } = clientSubscription(options.filter?.checkpointReached);
    this.subscriptions.push({ grpc, filter: options.filter });
    return subscription;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  // ------------------------------------------------------------ server-side tools for tests

  /** A system event in `$all` (statistics, projections), between ours. */
  writeSystemEvent(): RecordedEvent {
    return this.write('$stats-127.0.0.1:2113', this.stream('$stats-127.0.0.1:2113'), {
      id: randomUUID(),
      contentType: 'application/json',
      type: '$statsCollected',
      data: {},
      metadata: undefined,
    } as EventData);
  }

  /** `$tb`: events before `revision` are no longer read (as after `setStreamMetadata({ truncateBefore })`). */
  truncateBefore(streamName: string, revision: number): void {
    this.stream(streamName).truncateBefore = revision;
  }

  /** A hard delete: the stream can be neither read nor written again. */
  tombstone(streamName: string): void {
    this.stream(streamName).tombstoned = true;
  }

  /** The server's cache of recently committed ids has moved on (it is bounded). */
  forgetRecentIds(): void {
    this.recentIds.clear();
  }

  /** Every event the log holds in `streamName`, truncated or not. */
  storedIn(streamName: string): RecordedEvent[] {
    return this.streams.get(streamName)?.events ?? [];
  }

  private stream(streamName: string): FakeStream {
    let stream = this.streams.get(streamName);
    if (stream === undefined) {
      stream = { events: [], last: -1, truncateBefore: 0, tombstoned: false };
      this.streams.set(streamName, stream);
    }
    return stream;
  }

  private write(streamName: string, stream: FakeStream, event: EventData): RecordedEvent {
    this.position += RECORD_SIZE;
    stream.last += 1;
    const recorded = {
      streamId: streamName,
      id: event.id,
      revision: BigInt(stream.last),
      type: event.type,
      isJson: true,
      created: new Date(),
      // The client sends JSON and parses JSON back (convertGrpcRecord).
      data: JSON.parse(JSON.stringify(event.data ?? {})),
      metadata: event.metadata === undefined ? undefined : JSON.parse(JSON.stringify(event.metadata)),
      position: { commit: this.position, prepare: this.position },
    } as RecordedEvent;
    stream.events.push(recorded);
    this.log.push(recorded);
    this.recentIds.set(event.id, { streamName, revision: stream.last });
    return recorded;
  }

  /** `IndexWriter.CheckCommit`, for the decisions the adapter meets. */
  private checkCommit(
    stream: FakeStream,
    streamName: string,
    expected: AppendExpectedRevision,
    events: readonly EventData[],
  ): { kind: 'ok' } | { kind: 'wrong' } | { kind: 'idempotent'; end: number } {
    const current = stream.last;
    if (expected === 'stream_exists' && current < 0) return { kind: 'wrong' };
    if (expected === 'any' || expected === 'stream_exists') {
      let end = -1;
      for (const [i, event] of events.entries()) {
        const known = this.recentIds.get(event.id);
        if (known === undefined || known.streamName !== streamName) {
          return i === 0 ? { kind: 'ok' } : { kind: 'wrong' }; // CorruptedIdempotency answers as a conflict
        }
        end = known.revision;
      }
      return { kind: 'idempotent', end };
    }
    const expectedVersion = expected === 'no_stream' ? -1 : Number(expected);
    if (expectedVersion < current) {
      let eventNumber = expectedVersion;
      for (const event of events) {
        eventNumber += 1;
        if (stream.events.find((stored) => Number(stored.revision) === eventNumber)?.id === event.id)
          continue;
        return { kind: 'wrong' };
      }
      return { kind: 'idempotent', end: eventNumber };
    }
    if (expectedVersion > current) return { kind: 'wrong' };
    return { kind: 'ok' };
  }
}

/** A read as the client hands it out: a Readable of resolved events with `cancel()`. */
function streaming<E>(items: readonly E[]): Readable & { cancel(): Promise<void> } {
  const readable = Readable.from(items, { objectMode: true });
  return Object.assign(readable, {
    cancel: async () => {
      readable.destroy();
    },
  });
}

/** A read whose call fails, as the client's `ReadStream` emits the converted gRPC error. */
function failing(error: Error): Readable & { cancel(): Promise<void> } {
  const readable = new Readable({ objectMode: true, read() {} });
  process.nextTick(() => readable.destroy(error));
  return Object.assign(readable, { cancel: async () => undefined });
}
