import { join } from 'node:path';
import {
  CommandExecutor,
  type CommandRequest,
  customerAggregate,
  requestHash,
  StreamSnapshots,
} from '@crm/application';
import { type CustomerCommand, type CustomerEvent, type Recorded } from '@crm/domain';
import type { EventStore, SnapshotStore } from '@crm/event-store';
import {
  type EventStoreConfig,
  openDataProtection,
  openRawEventStore,
  openSnapshotStore,
  protectedEventStore,
} from '@crm/platform';

const ISSUER = {
  actor: { id: 'bench-long-stream', kind: 'service', roles: ['service'] },
  correlationId: 'bench-long-stream',
  source: 'bench',
} as const;
const FINGERPRINT_KEY = Buffer.alloc(32, 7);

export const customers = customerAggregate();

/**
 * Snapshots as the API keeps them (written every N events), only read (the stream's snapshot stays where
 * it is, however many events the timed commands add), or none (`COMMAND_SNAPSHOT_EVERY=0`).
 */
export type SnapshotMode = { readonly every: number } | 'read-only' | 'off';

/**
 * What a freshly started API holds: the SQLite event store on a new connection with its writer thread,
 * the personal-data cipher with an empty key cache, the snapshot store, and a command executor with an
 * empty state cache (ADR 0014). Only the operating system's page cache outlives it, as it outlives a restart.
 */
export interface StoreStack {
  readonly store: EventStore;
  readonly snapshots: SnapshotStore;
  readonly executor: CommandExecutor;
  close(): Promise<void>;
}

const failLoudly = (error: unknown): never => {
  throw error;
};

export async function openStoreStack(dataDir: string, mode: SnapshotMode): Promise<StoreStack> {
  // The development master key derived from the data directory, as `npm start` uses it.
  const protection = await openDataProtection({ CRM_DATA_DIR: dataDir, NODE_ENV: 'development' });
  const config: EventStoreConfig = { kind: 'sqlite', path: join(dataDir, 'events.db') };
  const store = protectedEventStore(openRawEventStore(config, { writerThread: true }), protection);
  const snapshots = openSnapshotStore(config, protection)!;
  const every = mode === 'off' ? undefined : mode === 'read-only' ? Number.MAX_SAFE_INTEGER : mode.every;
  return {
    store,
    snapshots,
    executor: new CommandExecutor(store, {
      ...(every !== undefined && { snapshots: { store: snapshots, every, onError: failLoudly } }),
    }),
    close: async () => {
      await store.close();
      await snapshots.close();
      await protection.keys.close();
    },
  };
}

/** Writes the snapshot of `streamId` folded from its events 0..`revision`, as the API writes one there. */
export async function snapshotAt(stack: StoreStack, streamId: string, revision: number): Promise<void> {
  const events = await stack.store.readStream(streamId, { toRevision: revision });
  let state = customers.initialState();
  for (const event of events) state = customers.evolve(state, event as unknown as Recorded<CustomerEvent>);
  const snapshots = new StreamSnapshots({ store: stack.snapshots, every: 1, onError: failLoudly });
  const lastId = events[events.length - 1].id;
  await snapshots.saveIfDue(streamId, customers.stateCodec, -1, { state, revision }, lastId);
}

export function commandRequest(command: CustomerCommand, commandId: string): CommandRequest<CustomerCommand> {
  return { command, commandId, requestHash: requestHash(command, FINGERPRINT_KEY), issuer: ISSUER };
}
