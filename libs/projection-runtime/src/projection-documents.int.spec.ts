import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectionDefinition } from '@crm/domain';
import { InvalidQueryError, type ReadStore, UnknownCollectionError } from '@crm/read-store';
import { MongoReadStore } from '@crm/read-store/adapters/mongo';
import { SqliteReadStore } from '@crm/read-store/adapters/sqlite';
import { describeWhereMongoReachable } from '@crm/test-support';
import { DocumentFilterError } from './document-filter';
import { documentSelection, projectionDocuments } from './projection-documents';

const spend = {
  name: 'customer-spend-test',
  version: 2,
  fields: [
    { path: 'tier', type: 'string' },
    { path: 'netSpend', type: 'number' },
  ],
} as unknown as ProjectionDefinition;

/** 25 customers c-01…c-25; every fifth is gold, the rest bronze; netSpend = 1,000 × the number. */
const customers = Array.from({ length: 25 }, (_, i) => {
  const n = i + 1;
  return {
    id: `c-${String(n).padStart(2, '0')}`,
    tier: n % 5 === 0 ? 'gold' : 'bronze',
    netSpend: n * 1_000,
  };
});

interface OpenedStore {
  readonly store: ReadStore;
  readonly dispose: () => Promise<void>;
}

function describeProjectionDocuments(adapter: string, open: () => Promise<OpenedStore>): void {
  describe(`projectionDocuments on ${adapter}`, () => {
    let opened: OpenedStore;
    const reads = () => opened.store;

    beforeEach(async () => {
      opened = await open();
      // What the runner leaves behind: the versioned collection, served under the alias.
      await reads().ensureCollection({ name: 'customer_spend_test_v2', fields: spend.fields ?? [] });
      await reads().bulkWrite(
        'customer_spend_test_v2',
        customers.map(({ id, tier, netSpend }, i) => ({
          kind: 'upsert',
          document: { id, version: i + 1, body: { customerId: id, tier, netSpend, tags: ['a'] } },
        })),
      );
      await reads().setAlias('customer_spend_test', 'customer_spend_test_v2');
    });

    afterEach(() => opened.dispose());

    it('pages through every document exactly once, in id order, reading through the alias', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await projectionDocuments(reads(), spend, { where: [], limit: 10, cursor });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== undefined);

      expect(pages).toBe(3); // 10 + 10 + 5
      expect(seen).toEqual(customers.map((customer) => customer.id));
    });

    it('filters by typed conditions on declared fields, across pages', async () => {
      const first = await projectionDocuments(reads(), spend, {
        where: ['tier=gold', 'netSpend>=10000'],
        limit: 2,
      });
      const rest = await projectionDocuments(reads(), spend, {
        where: ['tier=gold', 'netSpend>=10000'],
        limit: 2,
        cursor: first.nextCursor,
      });

      // gold: c-05, c-10, c-15, c-20, c-25; of those netSpend ≥ 10,000: c-10, c-15, c-20, c-25.
      expect(first.items.map((item) => item.id)).toEqual(['c-10', 'c-15']);
      expect(rest.items.map((item) => item.id)).toEqual(['c-20', 'c-25']);
      expect(rest.nextCursor).toBeUndefined();
      expect(first.items[0]).toEqual({
        id: 'c-10',
        version: 10,
        body: { customerId: 'c-10', tier: 'gold', netSpend: 10_000, tags: ['a'] },
      });
    });

    it('reads one document by id, and none for an unknown id', async () => {
      const found = await projectionDocuments(reads(), spend, { id: 'c-07' });
      const missing = await projectionDocuments(reads(), spend, { id: 'c-99' });

      expect(found.items.map((item) => [item.id, item.body.tier, item.body.netSpend])).toEqual([
        ['c-07', 'bronze', 7_000],
      ]);
      expect(missing).toEqual({ items: [] });
    });

    it('refuses an undeclared field before reading, and leaves the port to refuse a foreign cursor', async () => {
      await expect(projectionDocuments(reads(), spend, { where: ['email=x'], limit: 10 })).rejects.toThrow(
        DocumentFilterError,
      );
      await expect(
        projectionDocuments(reads(), spend, { where: [], limit: 10, cursor: 'bm90LWEtY3Vyc29y' }),
      ).rejects.toThrow(InvalidQueryError);
    });

    it('says a projection that never ran has no collection yet', async () => {
      const unbuilt = { ...spend, name: 'never-run' } as ProjectionDefinition;

      await expect(projectionDocuments(reads(), unbuilt, { where: [], limit: 10 })).rejects.toThrow(
        UnknownCollectionError,
      );
    });
  });
}

describe('documentSelection', () => {
  it('reads an id alone, and refuses filters or a cursor beside it', () => {
    expect(documentSelection({ id: 'c-1', where: [], limit: 100 })).toEqual({ id: 'c-1' });
    expect(documentSelection({ where: ['tier=gold'], limit: 5, cursor: 'x' })).toEqual({
      where: ['tier=gold'],
      limit: 5,
      cursor: 'x',
    });
    expect(() => documentSelection({ id: 'c-1', where: ['tier=gold'], limit: 100 })).toThrow(
      'an id selects one document: it takes no filter and no cursor',
    );
    expect(() => documentSelection({ id: 'c-1', limit: 100, cursor: 'x' })).toThrow(DocumentFilterError);
  });
});

describeProjectionDocuments('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-projection-documents-'));
  const store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describeWhereMongoReachable('MongoDB projection documents suite', 'crm_projection_documents', (scratch) =>
  describeProjectionDocuments('mongodb', async () => {
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
