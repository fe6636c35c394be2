import { type MongoClient, MongoServerError } from 'mongodb';
import type { WrappedDataKey } from '../../key-store';
import { MongoKeyStore } from './mongo-key-store';

const mine: WrappedDataKey = {
  subjectId: 'c-1',
  masterKeyId: 'mk-1',
  wrapped: 'mine',
  createdAt: '2026-03-01T10:00:00.000Z',
};
const winner = { _id: 'c-1', masterKeyId: 'mk-1', wrapped: 'theirs', createdAt: '2026-03-01T09:59:59.000Z' };
const duplicateKey = () => new MongoServerError({ message: 'E11000 duplicate key error', code: 11000 });

/**
 * The key collection as another replica's concurrent create leaves it for this one: the insert collides, and a
 * read under `majority` does not see the winner yet (its write is not majority-committed). A single-node test
 * server cannot hold a write back from the majority, so the collection is played here.
 */
function storeOver(findOneAndUpdate: () => Promise<unknown>): MongoKeyStore {
  const keys = {
    insertOne: async () => Promise.reject(duplicateKey()),
    findOne: async () => null,
    findOneAndUpdate: jest.fn(findOneAndUpdate),
  };
  const client = { db: () => ({ collection: () => keys }) } as unknown as MongoClient;
  return MongoKeyStore.over(client, 'crm_keys');
}

describe('the MongoDB key store when two replicas create one customer key at once', () => {
  it('returns the key the other replica stored first', async () => {
    const answers = [Promise.reject(duplicateKey()), Promise.resolve(winner)];
    const store = storeOver(() => answers.shift() as Promise<unknown>);

    await expect(store.create(mine)).resolves.toEqual({
      state: 'active',
      subjectId: 'c-1',
      masterKeyId: 'mk-1',
      wrapped: 'theirs',
      createdAt: winner.createdAt,
    });
  });

  it('never answers "no record" (which callers would read as erased)', async () => {
    const store = storeOver(async () => null);

    await expect(store.create(mine)).rejects.toThrow('neither stored nor found');
  });
});
