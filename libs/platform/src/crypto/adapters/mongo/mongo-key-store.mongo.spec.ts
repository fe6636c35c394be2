import { MongoClient } from 'mongodb';
import { describeWhereMongoReachable } from '@crm/test-support';
import type { DataKeyRecord } from '../../key-store';
import { MongoKeyStore } from './mongo-key-store';

describeWhereMongoReachable('MongoDB key-store race suite', 'crm_key_store_race', (scratch) => {
  it('two replicas creating the keys of the same new customers agree on one live key each', async () => {
    const database = await scratch();
    const replicas = await Promise.all(
      [1, 2].map(async () => {
        const client = new MongoClient(database.url);
        await client.connect();
        return MongoKeyStore.over(client, database.databaseName);
      }),
    );
    try {
      const subjects = Array.from({ length: 25 }, (_, n) => `c-${n}`);
      const created = await Promise.all(
        subjects.flatMap((subjectId) =>
          replicas.map((store, replica) =>
            store.create({ subjectId, masterKeyId: 'mk-1', wrapped: `replica-${replica}`, createdAt: 'now' }),
          ),
        ),
      );

      const states = new Set(created.map((record) => record.state));
      expect(states).toEqual(new Set(['active']));
      for (const [n, subjectId] of subjects.entries()) {
        const [first, second] = created.slice(2 * n, 2 * n + 2) as Extract<
          DataKeyRecord,
          { state: 'active' }
        >[];
        expect(second.wrapped).toBe(first.wrapped);
        expect(await replicas[0].find(subjectId)).toEqual(first);
      }
    } finally {
      await Promise.all(replicas.map((store) => store.close()));
      await database.drop();
    }
  });
});
