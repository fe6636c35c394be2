import { type Aggregate, customerAggregate, opportunityAggregate, requestHash } from '@crm/application';
import {
  CURRENT_SCHEMA_VERSIONS,
  type DomainEvent,
  type NewEvent,
  type Recorded,
  stampEvents,
} from '@crm/domain';
import { type DemoCommand, demoCommands } from '@crm/demo-data';

/** One decided command, ready for `EventStore.append(streamId, events, expected)`. */
export interface DecidedAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: number | 'no_stream';
}

export interface HistoryOptions {
  readonly customers: number;
  readonly seed: number;
}

interface StreamState {
  state: unknown;
  revision: number;
}

const ACTOR = { id: 'demo-seed', kind: 'service', roles: ['service'] } as const;
// Only the replay reads this log: any fixed key makes the request fingerprints of a real one.
const FINGERPRINT_KEY = Buffer.alloc(32);

/**
 * The demo data set decided in memory, command by command, by the same aggregates the command executor
 * runs (`@crm/application`), stamped as the executor stamps them. It skips the executor's read of the
 * stream before each command: the state of every stream is kept here instead, which is what makes a
 * million events quick to produce. Commands a decider refuses are counted, not appended.
 */
export function* decidedHistory(
  options: HistoryOptions,
  rejected: { count: number },
): Generator<DecidedAppend> {
  const customer = customerAggregate();
  const opportunity = opportunityAggregate();
  const streams = new Map<string, StreamState>();
  const correlationId = `demo-seed-${options.seed}`;
  for (const item of demoCommands(options)) {
    const decided =
      item.aggregate === 'customer'
        ? decide(customer, item.command, streams)
        : decide(opportunity, item.command, streams);
    if (decided === undefined) {
      rejected.count++;
      continue;
    }
    if (decided.events.length > 0) yield stamp(item, decided, correlationId);
  }
}

interface Decision {
  readonly streamId: string;
  readonly events: readonly DomainEvent[];
  readonly revision: number;
  readonly occurredAt: string;
}

function decide<C extends { readonly occurredAt?: string }, S, E extends DomainEvent>(
  aggregate: Aggregate<C, S, E>,
  command: C,
  streams: Map<string, StreamState>,
): Decision | undefined {
  const streamId = aggregate.streamOf(command);
  const stream = streams.get(streamId) ?? { state: aggregate.initialState(), revision: -1 };
  const occurredAt = command.occurredAt ?? '';
  let events: E[];
  try {
    events = aggregate.decide(command, stream.state as S, occurredAt);
  } catch {
    return undefined;
  }
  const revision = stream.revision;
  let state = stream.state as S;
  for (const event of events) state = aggregate.evolve(state, { ...event, occurredAt } as Recorded<E>);
  streams.set(streamId, { state, revision: revision + events.length });
  return { streamId, events, revision, occurredAt };
}

function stamp(item: DemoCommand, decided: Decision, correlationId: string): DecidedAppend {
  const events = stampEvents(decided.events, {
    metadata: {
      actor: ACTOR,
      commandId: item.commandId,
      correlationId,
      causationId: item.commandId,
      source: ACTOR.id,
      requestHash: requestHash({ command: item.command, caller: ACTOR.id }, FINGERPRINT_KEY),
    },
    occurredAt: decided.occurredAt,
    schemaVersions: CURRENT_SCHEMA_VERSIONS,
  });
  return {
    streamId: decided.streamId,
    events,
    expected: decided.revision < 0 ? 'no_stream' : decided.revision,
  };
}
