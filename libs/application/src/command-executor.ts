import {
  type Actor,
  CURRENT_SCHEMA_VERSIONS,
  type DomainEvent,
  type EventEnvelope,
  isIsoInstant,
  type Recorded,
  stampEvents,
} from '@crm/domain';
import { type EventStore, PartialDuplicateAppendError, WrongExpectedRevisionError } from '@crm/event-store';
import type { Aggregate } from './aggregate';
import {
  ConcurrencyRetriesExhaustedError,
  IdempotencyKeyReusedError,
  RevisionMismatchError,
} from './command-errors';
import { type CommandOutcome, replayedOutcome } from './command-outcome';
import { KeyedSerializer } from './keyed-serializer';

/** Who issues a command and in which conversation; recorded in every event it produces. */
export interface CommandIssuer {
  readonly actor: Actor;
  readonly correlationId: string;
  /** The message that caused this command; the command itself when absent. */
  readonly causationId?: string;
  readonly source: string;
  readonly reason?: string;
}

export interface CommandRequest<TCommand> {
  readonly command: TCommand;
  /** The idempotency key: event ids derive from it, and a retry with it appends nothing. */
  readonly commandId: string;
  /** Fingerprint of what was asked; the same command id with another fingerprint is refused. */
  readonly requestHash: string;
  /** If-Match: the revision the caller demands the stream be at (-1: must not exist). */
  readonly expectedRevision?: number;
  readonly issuer: CommandIssuer;
}

export interface CommandExecutorOptions {
  readonly clock?: () => Date;
  /** Read-decide-append attempts before giving up on a stream that other processes keep changing. */
  readonly maxAttempts?: number;
}

/**
 * Runs a command by the book of event sourcing (DESIGN §5): read the stream, decide on its state,
 * append at the revision read. A conflict re-reads and re-decides, up to a bound, unless the caller
 * demanded a revision. A command id already present in the stream returns its first outcome.
 */
export class CommandExecutor {
  private readonly streams = new KeyedSerializer();
  private readonly clock: () => Date;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: EventStore,
    options: CommandExecutorOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.maxAttempts = options.maxAttempts ?? 8;
  }

  execute<C extends { readonly occurredAt?: string }, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    request: CommandRequest<C>,
  ): Promise<CommandOutcome> {
    const streamId = aggregate.streamOf(request.command);
    return this.streams.run(streamId, () => this.attempt(aggregate, request, streamId, 1));
  }

  /** The stream's current state and revision, as the next command on it would see them. */
  async load<C, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    streamId: string,
  ): Promise<{ state: S; revision: number }> {
    const history = await this.store.readStream(streamId);
    return { state: fold(aggregate, history), revision: lastRevision(history) };
  }

  private async attempt<C extends { readonly occurredAt?: string }, S, E extends DomainEvent>(
    aggregate: Aggregate<C, S, E>,
    request: CommandRequest<C>,
    streamId: string,
    attempt: number,
  ): Promise<CommandOutcome> {
    const history = await this.store.readStream(streamId);
    const prior = history.filter((event) => event.metadata.commandId === request.commandId);
    if (prior.length > 0) return this.replay(request, streamId, prior);
    const revision = lastRevision(history);
    if (request.expectedRevision !== undefined && request.expectedRevision !== revision) {
      throw new RevisionMismatchError(streamId, request.expectedRevision, revision);
    }
    const now = this.clock().toISOString();
    const command = inUtc(request.command);
    const decided = aggregate.decide(command, fold(aggregate, history), now);
    if (decided.length === 0) {
      return { commandId: request.commandId, streamId, revision, events: [], replayed: false };
    }
    const events = stampEvents(decided, {
      metadata: {
        ...request.issuer,
        commandId: request.commandId,
        causationId: request.issuer.causationId ?? request.commandId,
        requestHash: request.requestHash,
      },
      occurredAt: command.occurredAt ?? now,
      schemaVersions: CURRENT_SCHEMA_VERSIONS,
    });
    try {
      const result = await this.store.append(streamId, events, revision < 0 ? 'no_stream' : revision);
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
  history: readonly EventEnvelope[],
): S {
  let state = aggregate.initialState();
  for (const event of history) state = aggregate.evolve(state, event as unknown as Recorded<E>);
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
