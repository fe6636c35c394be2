import { customerAggregate, requestHash } from '@crm/application';
import {
  CURRENT_SCHEMA_VERSIONS,
  type CustomerCommand,
  type CustomerState,
  type NewEvent,
  type Recorded,
  type CustomerEvent,
  customerStream,
  stampEvents,
} from '@crm/domain';
import type { EventStore } from '@crm/event-store';

const ACTOR = { id: 'bench-long-stream', kind: 'service', roles: ['service'] } as const;
const FINGERPRINT_KEY = Buffer.alloc(32);
/** Events per append: the history is written in large batches, as an import would. */
const BATCH_EVENTS = 1_000;
/** Every this many purchases, one of them is partly returned. */
const RETURN_EVERY = 20;
const DAY_MS = 86_400_000;

/** The commands of one customer's long history: a registration, then purchases and some returns. */
function* historyCommands(customerId: string, startMs: number): Generator<CustomerCommand> {
  yield {
    type: 'RegisterCustomer',
    customerId,
    occurredAt: new Date(startMs).toISOString(),
    data: { name: 'Uzun Geçmiş', email: `${customerId}@example.com.tr`, registeredVia: 'store' },
  };
  for (let n = 0; ; n++) {
    // Several purchases a day over the years before now: every purchase counts in some 365-day window.
    const occurredAt = new Date(startMs + DAY_MS + n * (DAY_MS / 8)).toISOString();
    const purchaseId = `lp-${n}`;
    yield {
      type: 'RecordPurchase',
      customerId,
      occurredAt,
      data: { purchaseId, amount: { amount: 5_000 + (n % 50) * 100, currency: 'TRY' } },
    };
    if (n % RETURN_EVERY === RETURN_EVERY - 1) {
      yield {
        type: 'ReturnPurchase',
        customerId,
        occurredAt,
        data: { returnId: `lr-${n}`, purchaseId, amount: { amount: 1_000, currency: 'TRY' } },
      };
    }
  }
}

/**
 * Writes a customer with at least `events` events through `store` (the API's store stack, so personal
 * fields are sealed with the customer's key): each command decided in memory by the same aggregate the
 * command executor runs and stamped as it stamps them, appended in batches at exact expected revisions.
 * Returns the stream's last revision.
 */
export async function writeLongHistory(
  store: EventStore,
  customerId: string,
  events: number,
  now: Date,
): Promise<number> {
  const aggregate = customerAggregate();
  const streamId = customerStream(customerId);
  // Far enough back that the history, at eight purchases a day, ends before now.
  const startMs = now.getTime() - Math.ceil(events / 8 + 10) * DAY_MS;
  let state: CustomerState = aggregate.initialState();
  let revision = -1;
  let batch: NewEvent[] = [];
  let n = 0;
  const flush = async (): Promise<void> => {
    await store.append(streamId, batch, revision < 0 ? 'no_stream' : revision);
    revision += batch.length;
    batch = [];
  };
  for (const command of historyCommands(customerId, startMs)) {
    if (revision + 1 + batch.length >= events) break;
    const occurredAt = command.occurredAt ?? now.toISOString();
    const decided = aggregate.decide(command, state, occurredAt);
    for (const event of decided) {
      state = aggregate.evolve(state, { ...event, occurredAt } as Recorded<CustomerEvent>);
    }
    const commandId = `long-${customerId}-${n++}`;
    batch.push(
      ...stampEvents(decided, {
        metadata: {
          actor: ACTOR,
          commandId,
          correlationId: `bench-long-stream-${customerId}`,
          causationId: commandId,
          source: ACTOR.id,
          requestHash: requestHash({ command, caller: ACTOR.id }, FINGERPRINT_KEY),
        },
        occurredAt,
        schemaVersions: CURRENT_SCHEMA_VERSIONS,
      }),
    );
    if (batch.length >= BATCH_EVENTS) await flush();
  }
  if (batch.length > 0) await flush();
  return revision;
}
