import { InvalidQueryError, UnknownCollectionError } from '../errors';
import {
  customerSpec,
  type ReadStoreFactory,
  remove,
  uniqueName,
  parsedJson,
  upsert,
  useStore,
} from './contract-fixtures';

export function describeDocumentsContract(factory: ReadStoreFactory): void {
  describe('documents', () => {
    const store = useStore(factory);
    let collection: string;

    beforeEach(async () => {
      const spec = customerSpec('docs');
      collection = spec.name;
      await store().ensureCollection(spec);
    });

    it('gets a stored document and reports an absent one as undefined', async () => {
      await store().bulkWrite(collection, [upsert('c-1', 1, { tier: 'gold', profile: { email: 'a@x.io' } })]);
      expect(await store().get(collection, 'c-1')).toEqual({
        id: 'c-1',
        version: 1,
        body: { tier: 'gold', profile: { email: 'a@x.io' } },
      });
      expect(await store().get(collection, 'c-2')).toBeUndefined();
    });

    it('getJson gives the same document with its body as UTF-8 JSON text, and undefined when absent or deleted', async () => {
      const body = {
        tier: 'gold',
        profile: { name: 'Çağrı Öztürk 🙂', email: null, tags: ['a', 'b'] },
        spend: { amount: 1_234_567, currency: 'TRY' },
        ratio: 0.25,
        churnRisk: false,
        timeline: [{ type: 'Purchased', summary: 'bought → kept "it"\n' }],
      };
      await store().bulkWrite(collection, [upsert('c-1', 4, body), upsert('c-2', 1, { n: 2 })]);
      const stored = await store().getJson(collection, 'c-1');
      expect(stored).toEqual({ id: 'c-1', version: 4, json: expect.any(Buffer) });
      expect(parsedJson(stored)).toEqual((await store().get(collection, 'c-1'))?.body);
      expect(parsedJson(stored)).toEqual(body);
      await store().bulkWrite(collection, [remove('c-2', 2)]);
      expect(await store().getJson(collection, 'c-2')).toBeUndefined();
      expect(await store().getJson(collection, 'missing')).toBeUndefined();
      await expect(store().getJson(uniqueName('none'), 'c-1')).rejects.toBeInstanceOf(UnknownCollectionError);
      await expect(store().getJson(collection, '')).rejects.toBeInstanceOf(InvalidQueryError);
    });

    it('getMany returns only the documents that exist', async () => {
      await store().bulkWrite(collection, [upsert('c-1', 1, { n: 1 }), upsert('c-2', 1, { n: 2 })]);
      const found = await store().getMany(collection, ['c-2', 'missing', 'c-1']);
      expect([...found.keys()].sort()).toEqual(['c-1', 'c-2']);
      expect(found.get('c-2')?.body).toEqual({ n: 2 });
      expect((await store().getMany(collection, [])).size).toBe(0);
    });

    it('ignores an upsert of an older or equal version; a newer one wins', async () => {
      await store().bulkWrite(collection, [upsert('c-1', 5, { n: 5 })]);
      await store().bulkWrite(collection, [upsert('c-1', 5, { n: 50 })]);
      await store().bulkWrite(collection, [upsert('c-1', 3, { n: 3 })]);
      expect(await store().get(collection, 'c-1')).toEqual({ id: 'c-1', version: 5, body: { n: 5 } });
      await store().bulkWrite(collection, [upsert('c-1', 7, { n: 7 })]);
      expect(await store().get(collection, 'c-1')).toEqual({ id: 'c-1', version: 7, body: { n: 7 } });
    });

    it('within one batch the highest version of an id wins, the first of equal versions', async () => {
      await store().bulkWrite(collection, [
        upsert('c-1', 2, { n: 2 }),
        upsert('c-1', 5, { n: 5 }),
        upsert('c-1', 5, { n: 55 }),
        upsert('c-1', 3, { n: 3 }),
      ]);
      expect(await store().get(collection, 'c-1')).toEqual({ id: 'c-1', version: 5, body: { n: 5 } });
    });

    it('a delete is fenced and an older upsert delivered again does not resurrect the document', async () => {
      await store().bulkWrite(collection, [upsert('c-1', 7, { n: 7 })]);
      await store().bulkWrite(collection, [remove('c-1', 6)]);
      expect(await store().get(collection, 'c-1')).toBeDefined();
      await store().bulkWrite(collection, [remove('c-1', 10)]);
      expect(await store().get(collection, 'c-1')).toBeUndefined();
      await store().bulkWrite(collection, [upsert('c-1', 9, { n: 9 }), upsert('c-1', 10, { n: 10 })]);
      expect(await store().get(collection, 'c-1')).toBeUndefined();
      expect(await store().count(collection)).toBe(0);
      expect((await store().find(collection, { limit: 10 })).items).toEqual([]);
      await store().bulkWrite(collection, [upsert('c-1', 11, { n: 11 })]);
      expect(await store().get(collection, 'c-1')).toEqual({ id: 'c-1', version: 11, body: { n: 11 } });
    });

    it('a delete of a document never seen still fences older upserts', async () => {
      await store().bulkWrite(collection, [remove('c-1', 4)]);
      await store().bulkWrite(collection, [upsert('c-1', 3, { n: 3 })]);
      expect(await store().get(collection, 'c-1')).toBeUndefined();
      await store().bulkWrite(collection, [upsert('c-1', 5, { n: 5 })]);
      expect((await store().get(collection, 'c-1'))?.version).toBe(5);
    });

    it('applying the same batch twice leaves the same state', async () => {
      const batch = [
        upsert('c-1', 1, { n: 1 }),
        upsert('c-2', 2, { n: 2 }),
        remove('c-3', 3),
        upsert('c-1', 4, { n: 4 }),
        remove('c-2', 5),
        upsert('c-4', 6, { n: 6 }),
      ];
      const ids = ['c-1', 'c-2', 'c-3', 'c-4'];
      await store().bulkWrite(collection, batch);
      const once = await store().getMany(collection, ids);
      await store().bulkWrite(collection, batch);
      expect(await store().getMany(collection, ids)).toEqual(once);
      expect([...once.values()].map(({ id, version }) => [id, version]).sort()).toEqual([
        ['c-1', 4],
        ['c-4', 6],
      ]);
      await expect(store().bulkWrite(collection, [])).resolves.toBeUndefined();
    });

    it('ensureCollection is idempotent and keeps the documents', async () => {
      await store().bulkWrite(collection, [upsert('c-1', 1, { n: 1 })]);
      await store().ensureCollection({ name: collection, fields: customerSpec('again').fields });
      expect((await store().get(collection, 'c-1'))?.body).toEqual({ n: 1 });
    });

    it('ensuring again with more fields makes them queryable', async () => {
      const name = uniqueName('grow');
      await store().ensureCollection({ name, fields: [{ path: 'tier', type: 'string' }] });
      await store().bulkWrite(name, [upsert('c-1', 1, { tier: 'gold', score: 3 })]);
      const byScore = [{ field: 'score', op: 'eq', value: 3 } as const];
      await expect(store().count(name, byScore)).rejects.toBeInstanceOf(InvalidQueryError);
      await store().ensureCollection({
        name,
        fields: [
          { path: 'tier', type: 'string' },
          { path: 'score', type: 'number' },
        ],
      });
      expect(await store().count(name, byScore)).toBe(1);
    });

    it('refuses a collection that was never ensured', async () => {
      const missing = uniqueName('missing');
      await expect(store().get(missing, 'c-1')).rejects.toBeInstanceOf(UnknownCollectionError);
      await expect(store().bulkWrite(missing, [upsert('c-1', 1, {})])).rejects.toBeInstanceOf(
        UnknownCollectionError,
      );
      await expect(store().find(missing, { limit: 1 })).rejects.toBeInstanceOf(UnknownCollectionError);
    });
  });
}
