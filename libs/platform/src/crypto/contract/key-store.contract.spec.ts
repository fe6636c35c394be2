import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from '../adapters/sqlite';
import { describeKeyStoreContract } from './key-store.contract';
import { describeMongoKeyStoreContractWhereReachable } from './mongo-key-store-target';

describeKeyStoreContract('sqlite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crm-key-store-contract-'));
  const store = SqliteKeyStore.open(join(dir, 'keys.db'));
  return {
    store,
    dispose: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

describeMongoKeyStoreContractWhereReachable();
