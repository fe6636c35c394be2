import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describeWhereServerReachable } from '@crm/test-support';
import { MongoReadStore } from '../adapters/mongo';
import { describeReadStoreContract } from './read-store.contract';

/** Each opened store gets its own database, dropped on dispose, so runs never see each other's data. */
function mongoFactory(url: () => Promise<string>) {
  return async () => {
    const mongoUrl = await url();
    const databaseName = `crm_read_store_contract_${randomBytes(6).toString('hex')}`;
    const store = await MongoReadStore.connect({ url: mongoUrl, databaseName });
    return {
      store,
      dispose: async () => {
        await store.close();
        const client = new MongoClient(mongoUrl);
        try {
          await client.db(databaseName).dropDatabase();
        } finally {
          await client.close();
        }
      },
    };
  };
}

/** The MongoDB run of the contract: against MONGO_URL, else testcontainers, else one SKIPPED line (DESIGN §8). */
export function describeMongoContractWhereReachable(): void {
  describeWhereServerReachable(
    {
      name: 'mongodb',
      envVar: 'MONGO_URL',
      suite: 'MongoDB read-store contract suite',
      container: {
        image: process.env.MONGO_IMAGE ?? 'mongo:7',
        port: 27017,
        readyWhen: { logLine: /Waiting for connections/ },
        connectionString: (host, port) => `mongodb://${host}:${port}/?directConnection=true`,
      },
    },
    (url) => describeReadStoreContract('mongodb', mongoFactory(url)),
  );
}
