import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../adapters/sqlite';
import { describeEsdbContractWhereReachable } from './esdb-contract-target';
import { describeEventStoreContract, type EventStoreFactory } from './event-store.contract';

function sqliteTarget(writerThread: boolean): EventStoreFactory {
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crm-event-store-contract-'));
    const store = SqliteEventStore.open({ path: join(dir, 'events.db'), writerThread });
    return {
      store,
      dispose: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  };
}

const SQLITE = { readsEventById: true, findsRetriesAtAnyRevision: true };
describeEventStoreContract('sqlite', sqliteTarget(false), SQLITE);
describeEventStoreContract('sqlite with a writer thread', sqliteTarget(true), SQLITE);

describeEsdbContractWhereReachable();
