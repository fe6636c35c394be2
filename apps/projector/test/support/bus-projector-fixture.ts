import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@crm/event-store';
import { SqliteEventStore } from '@crm/event-store/adapters/sqlite';
import { CustomerKeys, SqliteEventBus } from '@crm/messaging';
import type { EventSource } from '@crm/projection-runtime';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { EventRelay } from '../../../relay/src/event-relay';
import type { EventRelayOptions } from '../../../relay/src/event-relay-options';
import { customerActivity } from '../../../../libs/projection-runtime/test/support/customer-activity.projection';
import { BusProjector } from '../../src/bus-projector';
import type { BusProjectorOptions } from '../../src/bus-projector-options';
import { TOPIC_SPECS, TOPICS } from './pipeline';

/** An event store, a read store and the embedded bus in a scratch folder, with a relay and a projector. */
export interface Fixture {
  readonly dir: string;
  readonly events: EventStore;
  readonly reads: SqliteReadStore;
  readonly bus: SqliteEventBus;
  readonly relay: () => Promise<void>;
  readonly projector: (source?: EventSource, options?: Partial<BusProjectorOptions>) => BusProjector;
}

/** Publishes every event appended so far, keyed by customer as the relay app does. */
export async function relayToHead(
  options: Omit<EventRelayOptions, 'source' | 'keys'> & { readonly source: EventStore },
): Promise<void> {
  const relay = new EventRelay({ ...options, keys: new CustomerKeys(options.source) });
  await relay.runUntil(await options.source.headPosition());
}

export async function fixture(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-bus-projector-'));
  const events = SqliteEventStore.open({ path: join(dir, 'events.db') });
  const reads = SqliteReadStore.open({ path: join(dir, 'reads.db') });
  const bus = SqliteEventBus.open({ path: join(dir, 'bus.db'), pollIntervalMs: 5 });
  await bus.ensureTopics(TOPIC_SPECS);
  const relay = () => relayToHead({ source: events, bus, checkpoints: reads, topics: TOPICS });
  const projector = (source: EventSource = events, options: Partial<BusProjectorOptions> = {}) =>
    new BusProjector({
      definition: customerActivity,
      runOptions: {},
      delivery: 'per-customer',
      bus,
      readStore: reads,
      eventStore: source,
      topics: TOPICS,
      groupId: 'crm-projection-customer-activity-v1',
      batchSize: 7,
      retryDelayMs: 20,
      ...options,
    });
  return { dir, events, reads, bus, relay, projector };
}

export async function drained(projector: BusProjector): Promise<void> {
  while ((await projector.status()).lagMessages > 0) await new Promise((resolve) => setTimeout(resolve, 10));
}
