import { describeWhereMongoReachable } from '@crm/test-support';
import { MongoKeyStore } from '../adapters/mongo';
import { describeKeyStoreContract } from './key-store.contract';

/** The MongoDB run of the contract: against MONGO_URL, else testcontainers, else one SKIPPED line (DESIGN §8). */
export function describeMongoKeyStoreContractWhereReachable(): void {
  describeWhereMongoReachable('MongoDB key-store contract suite', 'crm_key_store_contract', (scratch) =>
    describeKeyStoreContract('mongodb', async () => {
      const database = await scratch();
      const store = await MongoKeyStore.connect({ url: database.url, databaseName: database.databaseName });
      return {
        store,
        dispose: async () => {
          await store.close();
          await database.drop();
        },
      };
    }),
  );
}
