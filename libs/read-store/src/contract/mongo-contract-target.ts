import { describeWhereMongoReachable } from '@crm/test-support';
import { MongoReadStore } from '../adapters/mongo';
import { describeReadStoreContract } from './read-store.contract';

/** The MongoDB run of the contract: against MONGO_URL, else testcontainers, else one SKIPPED line (DESIGN §8). */
export function describeMongoContractWhereReachable(): void {
  describeWhereMongoReachable('MongoDB read-store contract suite', 'crm_read_store_contract', (scratch) =>
    describeReadStoreContract('mongodb', async () => {
      const database = await scratch();
      const store = await MongoReadStore.connect({ url: database.url, databaseName: database.databaseName });
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
