import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from '../adapters/sqlite';
import { describeMongoContractWhereReachable } from './mongo-contract-target';
import { describeReadStoreContract } from './read-store.contract';

describeReadStoreContract('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crm-read-store-contract-'));
  const store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeMongoContractWhereReachable();
