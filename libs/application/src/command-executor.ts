import {
  CURRENT_SCHEMA_VERSIONS,
  type DomainEvent,
  type EventEnvelope,
  eventId,
  isIsoInstant,
  type NewEvent,
  type Recorded,
  stampEvents,
} from '@crm/domain';
import {
  type AppendResult,
  type EventStore,
  PartialDuplicateAppendError,
  WrongExpectedRevisionError,
} from '@crm/event-store';
import type { Aggregate } from './aggregate';
import {
  ConcurrencyRetriesExhaustedError,
  IdempotencyKeyReusedError,
  RevisionMismatchError,
} from './command-errors';
import { type CommandOutcome, replayedOutcome } from './command-outcome';
import type { CommandRequest } from './command-request';
import { KeyedSerializer } from './keyed-serializer';
import { DEFAULT_OCCURRED_AT_TOLERANCE_MS, refuseFutureOccurredAt } from './occurred-at-horizon';
import { type StreamState, StreamStateCache } from './stream-state-cache';
import { type SnapshotOptions, StreamSnapshots } from './stream-snapshots';

export interface CommandExecutorOptions {
  readonly clock?: () => Date;
  /** Read-decide-append attempts before giving up on a stream that other processes keep changing. */
  readonly maxAttempts?: number;
  /**
   * Streams whose folded state is kept between commands, least recently used dropped first (default
   * 10,000; 0 keeps none). Used only with a store that looks events up by id (ADR 0014).
   */
  readonly stateCacheSize?: number;
  /** How far past the clock a command's `occurredAt` may lie (default 5 minutes); later is refused (422). */
  readonly occurredAtToleranceMs?: number;
  /**
   * Snapshots of long streams' states, for a stream not in the state cache (a restart, an eviction).
   * Used only alongside the cache, with a store that looks events up by id.
   */
  readonly snapshots?: SnapshotOptions;
}

const DEFAULT_STATE_CACHE_SIZE = 10_000;

/** What a command finds on its stream: its own earlier events (a retry), or the state to decide on. */
type StreamView<S> = { readonly prior: readonly EventEnvelope[] } | StreamState<S>;

/**
 * Runs a command by the book of event sourcing (DESIGN §5): read the stream, decide on its state,
 * append at the revision read. A conflict re-reads and re-decides, up to a bound, unless the caller
 * demanded a revision. A command id already present in the stream returns its first outcome.
 *
 * With a store that looks events up by id, the state of recently used streams is cached (ADR 0014): a command
 * on a cached stream is decided on that state and appended at its revision without reading anything; when
 * that append is refused or deduplicated, the command finds a retry by its first event's id and reads only
 * the events appended since the cached revision. A stream not in the cache starts from its snapshot, if
 * it has one, and reads the events after it (ADR on command-state snapshots).
 */
export class CommandExecutor {
  private readonly streams = new KeyedSerializer();
  private readonly clock: () => Date;
  private readonly maxAttempts: number;
  private readonly occurredAtToleranceMs: number;
  private readonly cache: StreamStateCache;
  /** The store's lookup by event id while the cache is on; without it every command reads its whole stream. */
  private readonly readEventById?: (eventId: string) => Promise<EventEnvelope | undefined>;
  private readonly snapshots?: StreamSnapshots;

  constructor(
    private readonly store: EventStore,
    options: CommandExecutorOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.maxAttempts = options.maxAttempts ?? 8;
    this.occurredAtToleranceMs = options.occurredAtToleranceMs ?? DEFAULT_OCCURRED_AT_TOLERANCE_MS;
    this.cache = new StreamStateCache(options.stateCacheSize ?? DEFAULT_STATE_CACHE_SIZE);
    if (this.cache.maxStreams > 0) this.readEventById = store.readEventById?.bind(store);
    if (this.readEventById && options.snapshots) this.snapshots = new StreamSnapshots(options.snapshots);
  }

  async execute<C extends { readonly occurredAt?: string }, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    request: CommandRequest<C>,
  ): Promise<CommandOutcome> {
    refuseFutureOccurredAt(request.command.occurredAt, this.clock(), this.occurredAtToleranceMs);
    const streamId = aggregate.streamOf(request.command);
    return this.streams.run(streamId, () => this.attempt(aggregate, request, streamId, 1));
  }

  /** The stream's current state and revision, as the next command on it would see them. */
  async load<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    streamId: string,
  ): Promise<StreamState<S>> {
    if (this.readEventById) return this.catchUp(aggregate, streamId);
    const history = await this.store.readStream(streamId);
    return { state: fold(aggregate, aggregate.initialState(), history), revision: lastRevision(history) };
  }

  private async attempt<C extends { readonly occurredAt?: string }, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    request: CommandRequest<C>,
    streamId: string,
    attempt: number,
  ): Promise<CommandOutcome> {
    const onCache = attempt === 1 ? await this.onCachedState(aggregate, request, streamId) : undefined;
    if (onCache !== undefined) return onCache;
    const view = await this.view(aggregate, streamId, request.commandId);
    if ('prior' in view) return this.replay(request, streamId, view.prior);
    if (request.expectedRevision !== undefined && request.expectedRevision !== view.revision) {
      throw new RevisionMismatchError(streamId, request.expectedRevision, view.revision);
    }
    try {
      const events = this.decided(aggregate, request, view.state);
      return await this.append(aggregate, request, streamId, view, events);
    } catch (error) {
      if (error instanceof PartialDuplicateAppendError)
        throw new IdempotencyKeyReusedError(request.commandId);
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (request.expectedRevision !== undefined) {
        throw new RevisionMismatchError(streamId, request.expectedRevision, error.actual);
      }
      if (attempt >= this.maxAttempts) throw new ConcurrencyRetriesExhaustedError(streamId, attempt);
      await backoff(attempt);
      return this.attempt(aggregate, request, streamId, attempt + 1);
    }
  }

  /**
   * Decides on the cached state as it is, reading nothing (ADR 0014): the append at its revision is refused
   * if any process appended since, and answered as a duplicate if the command's events are already stored.
   * Only a new command's clean append is kept; anything else (a conflict, a retry, a refusal that a retry
   * meets on the state its first run changed, no events) takes the full attempt, which reads the stream.
   */
  private async onCachedState<C extends { readonly occurredAt?: string }, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    request: CommandRequest<C>,
    streamId: string,
  ): Promise<CommandOutcome | undefined> {
    const cached = this.readEventById && this.cache.get<S>(streamId, aggregate.evolve);
    if (cached === undefined) return undefined;
    if (request.expectedRevision !== undefined && request.expectedRevision !== cached.revision)
      return undefined;
    let events: NewEvent[];
    try {
      events = this.decided(aggregate, request, cached.state);
    } catch {
      return undefined;
    }
    if (events.length === 0) return undefined;
    try {
      const outcome = await this.append(aggregate, request, streamId, cached, events);
      return outcome.replayed ? undefined : outcome;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError || error instanceof PartialDuplicateAppendError) {
        return undefined;
      }
      throw error;
    }
  }

  /** The events the command decides on `state`, stamped with its metadata and time. */
  private decided<C extends { readonly occurredAt?: string }, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    request: CommandRequest<C>,
    state: S,
  ): NewEvent[] {
    const now = this.clock().toISOString();
    const command = inUtc(request.command);
    const decided = aggregate.decide(command, state, now);
    if (decided.length === 0) return [];
    return stampEvents(decided, {
      metadata: {
        ...request.issuer,
        commandId: request.commandId,
        causationId: request.issuer.causationId ?? request.commandId,
        requestHash: request.requestHash,
      },
      occurredAt: command.occurredAt ?? now,
      schemaVersions: CURRENT_SCHEMA_VERSIONS,
    });
  }

  /** Appends `events` at the revision they were decided on; a conflict or duplicate is the caller's to handle. */
  private async append<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    request: CommandRequest<C>,
    streamId: string,
    known: StreamState<S>,
    events: readonly NewEvent[],
  ): Promise<CommandOutcome> {
    const { state, revision } = known;
    if (events.length === 0) {
      return { commandId: request.commandId, streamId, revision, events: [], replayed: false };
    }
    try {
      const result = await this.store.append(streamId, events, revision < 0 ? 'no_stream' : revision);
      const appended = this.rememberAppended(aggregate, streamId, state, events, result);
      if (appended) {
        const lastId = events[events.length - 1].id;
        await this.saveSnapshotIfDue(aggregate, streamId, revision, appended, lastId);
      }
      return {
        commandId: request.commandId,
        streamId,
        revision: result.nextExpectedRevision,
        events: events.map((event, i) => ({
          id: event.id,
          type: event.type,
          revision: result.nextExpectedRevision - events.length + 1 + i,
          position: result.positions[i],
        })),
        replayed: result.deduplicated,
      };
    } catch (error) {
      // A conflict leaves the entry exact, only behind: the next attempt's tail read catches up.
      if (!(error instanceof WrongExpectedRevisionError)) this.cache.forget(streamId);
      throw error;
    }
  }

  private async view<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    streamId: string,
    commandId: string,
  ): Promise<StreamView<S>> {
    if (this.readEventById === undefined) {
      const history = await this.store.readStream(streamId);
      const prior = history.filter((event) => event.metadata.commandId === commandId);
      if (prior.length > 0) return { prior };
      return { state: fold(aggregate, aggregate.initialState(), history), revision: lastRevision(history) };
    }
    // The same id in another stream is no retry here: the append then meets it and refuses the key.
    const first = await this.readEventById(eventId(commandId, 0));
    if (first?.streamId !== streamId) return this.catchUp(aggregate, streamId);
    const since = await this.store.readStream(streamId, { fromRevision: first.revision });
    const end = since.findIndex((event) => event.metadata.commandId !== commandId);
    return { prior: end < 0 ? since : since.slice(0, end) };
  }

  /**
   * The cached state, brought up to date with what any process appended since; on a miss, the stream's
   * snapshot brought up to date, or the whole stream.
   */
  private async catchUp<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    streamId: string,
  ): Promise<StreamState<S>> {
    const cached = this.cache.get<S>(streamId, aggregate.evolve);
    const snapshot =
      cached === undefined
        ? await this.snapshots?.loadWithTail(streamId, aggregate.stateCodec, (fromRevision) =>
            this.store.readStream(streamId, { fromRevision }),
          )
        : undefined;
    const known = cached ?? snapshot;
    const from = known === undefined ? 0 : known.revision + 1;
    const tail = snapshot?.tail ?? (await this.store.readStream(streamId, { fromRevision: from }));
    if (tail.length === 0) {
      if (known === undefined) return { state: aggregate.initialState(), revision: -1 };
      const current = { state: known.state, revision: known.revision };
      this.cache.remember(streamId, aggregate.evolve, current);
      return current;
    }
    const current = {
      state: fold(aggregate, known?.state ?? aggregate.initialState(), tail),
      revision: lastRevision(tail),
    };
    this.cache.remember(streamId, aggregate.evolve, current);
    const lastId = tail[tail.length - 1].id;
    await this.saveSnapshotIfDue(aggregate, streamId, from - 1, current, lastId);
    return current;
  }

  /** Writes the stream's snapshot if it is due; the cache then keeps the state as the snapshot holds it. */
  private async saveSnapshotIfDue<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    streamId: string,
    from: number,
    current: StreamState<S>,
    lastId: string,
  ): Promise<void> {
    const saved = await this.snapshots?.saveIfDue(streamId, aggregate.stateCodec, from, current, lastId);
    if (saved !== undefined) this.cache.remember(streamId, aggregate.evolve, { ...current, state: saved });
  }

  private rememberAppended<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    streamId: string,
    before: S,
    events: readonly NewEvent[],
    result: AppendResult,
  ): StreamState<S> | undefined {
    if (this.readEventById === undefined) return undefined;
    if (result.deduplicated) {
      // Another attempt of this command got there first, maybe not right after `before`.
      this.cache.forget(streamId);
      return undefined;
    }
    const firstRevision = result.nextExpectedRevision - events.length + 1;
    const recorded = events.map((event, i) => ({
      ...event,
      streamId,
      revision: firstRevision + i,
      position: result.positions[i],
    }));
    const appended = { state: fold(aggregate, before, recorded), revision: result.nextExpectedRevision };
    this.cache.remember(streamId, aggregate.evolve, appended);
    return appended;
  }

  private replay<C>(
    request: CommandRequest<C>,
    streamId: string,
    prior: readonly EventEnvelope[],
  ): CommandOutcome {
    if (prior[0].metadata.requestHash !== request.requestHash) {
      throw new IdempotencyKeyReusedError(request.commandId);
    }
    return replayedOutcome(request.commandId, streamId, prior);
  }
}

function fold<C, S, E extends DomainEvent>(
  aggregate: Aggregate<C, S, E>,
  from: S,
  events: readonly (EventEnvelope | NewEvent)[],
): S {
  let state = from;
  for (const event of events) state = aggregate.evolve(state, event as unknown as Recorded<E>);
  return state;
}

/** Instants are stored in UTC so that they sort and compare as strings in every read model. */
function inUtc<C extends { readonly occurredAt?: string }>(command: C): C {
  const { occurredAt } = command;
  if (occurredAt === undefined || !isIsoInstant(occurredAt)) return command;
  return { ...command, occurredAt: new Date(occurredAt).toISOString() };
}

const lastRevision = (history: readonly EventEnvelope[]): number =>
  history.length === 0 ? -1 : history[history.length - 1].revision;

/** Jittered, so that writers from several processes that collided do not collide again in lockstep. */
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
