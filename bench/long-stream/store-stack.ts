import { CommandExecutor, type CommandRequest, customerAggregate, requestHash } from '@crm/application';
import type { CustomerCommand } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { openDataProtection, openRawEventStore, protectedEventStore } from '@crm/platform';
import { join } from 'node:path';

const ISSUER = {
  actor: { id: 'bench-long-stream', kind: 'service', roles: ['service'] },
  correlationId: 'bench-long-stream',
  source: 'bench',
} as const;
const FINGERPRINT_KEY = Buffer.alloc(32, 7);

/**
 * What a freshly started API holds: the SQLite event store on a new connection with its writer thread,
 * the personal-data cipher with an empty key cache, and a command executor with an empty state cache
 * (ADR 0014). Only the operating system's page cache outlives it, as it outlives a restart.
 */
export interface StoreStack {
  readonly store: EventStore;
  readonly executor: CommandExecutor;
  close(): Promise<void>;
}

export async function openStoreStack(dataDir: string): Promise<StoreStack> {
  // The development master key derived from the data directory, as `npm start` uses it.
  const protection = await openDataProtection({ CRM_DATA_DIR: dataDir, NODE_ENV: 'development' });
  const raw = openRawEventStore({ kind: 'sqlite', path: join(dataDir, 'events.db') }, { writerThread: true });
  const store = protectedEventStore(raw, protection);
  return {
    store,
    executor: new CommandExecutor(store),
    close: async () => {
      await store.close();
      await protection.keys.close();
    },
  };
}

export const customers = customerAggregate();

export function commandRequest(command: CustomerCommand, commandId: string): CommandRequest<CustomerCommand> {
  return { command, commandId, requestHash: requestHash(command, FINGERPRINT_KEY), issuer: ISSUER };
}
