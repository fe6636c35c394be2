import { InvalidQueryError } from '../errors';
import type { Condition, JsonObject, Query, Sort } from '../read-store';
import { customerSpec, type ReadStoreFactory, upsert, useStore } from './contract-fixtures';

const CUSTOMERS: Record<string, JsonObject> = {
  'c-01': { tier: 'gold', score: 10, active: true, code: 'a%b', profile: { email: 'ann@x.io' } },
  'c-02': { tier: 'silver', score: 20, active: false, code: 'a_b', profile: { email: 'bob@x.io' } },
  'c-03': { tier: 'gold', score: 30, active: true, code: 'a.b' },
  'c-04': { tier: 'bronze', score: 20, active: true, code: 'a*b' },
  'c-05': { tier: 'gold', score: 5, active: false, code: 'a(b' },
  'c-06': { score: 20, active: true, code: 'axb' },
  'c-07': { tier: 'silver', score: 40, active: true, code: 'a%c' },
  'c-08': { tier: 'gold', score: 20, active: false, code: 'A%b' },
  'c-09': { tier: null, score: 15, active: true, code: 'b%a' },
};

export function describeQueryContract(factory: ReadStoreFactory): void {
  describe('queries', () => {
    const store = useStore(factory);
    const spec = customerSpec('query');
    const ids = async (where: Condition[], sort?: Sort) =>
      (await store().find(spec.name, { where, sort, limit: 100 })).items.map((item) => item.id);
    const sorted = async (where: Condition[]) => (await ids(where)).sort();

    beforeAll(async () => {
      await store().ensureCollection(spec);
      await store().bulkWrite(
        spec.name,
        Object.entries(CUSTOMERS).map(([id, body]) => upsert(id, 1, body)),
      );
      await store().bulkWrite(spec.name, [
        upsert('c-10', 1, { tier: 'gold' }),
        { kind: 'delete', id: 'c-10', version: 2 },
      ]);
    });

    it('eq on strings, numbers, booleans, nested paths and null (null also matches missing)', async () => {
      expect(await sorted([{ field: 'tier', op: 'eq', value: 'gold' }])).toEqual([
        'c-01',
        'c-03',
        'c-05',
        'c-08',
      ]);
      expect(await sorted([{ field: 'score', op: 'eq', value: 20 }])).toEqual([
        'c-02',
        'c-04',
        'c-06',
        'c-08',
      ]);
      expect(await sorted([{ field: 'active', op: 'eq', value: false }])).toEqual(['c-02', 'c-05', 'c-08']);
      expect(await sorted([{ field: 'profile.email', op: 'eq', value: 'bob@x.io' }])).toEqual(['c-02']);
      expect(await sorted([{ field: 'tier', op: 'eq', value: null }])).toEqual(['c-06', 'c-09']);
    });

    it('in, with and without null', async () => {
      expect(await sorted([{ field: 'tier', op: 'in', values: ['silver', 'bronze'] }])).toEqual([
        'c-02',
        'c-04',
        'c-07',
      ]);
      expect(await sorted([{ field: 'tier', op: 'in', values: ['bronze', null] }])).toEqual([
        'c-04',
        'c-06',
        'c-09',
      ]);
      expect(await sorted([{ field: 'tier', op: 'in', values: [] }])).toEqual([]);
      expect(await sorted([{ field: 'active', op: 'in', values: [false] }])).toEqual([
        'c-02',
        'c-05',
        'c-08',
      ]);
      expect(await sorted([{ field: 'score', op: 'in', values: [5, 40] }])).toEqual(['c-05', 'c-07']);
    });

    it('range with each bound and with two bounds', async () => {
      const range = (bounds: { gt?: number; gte?: number; lt?: number; lte?: number }): Condition[] => [
        { field: 'score', op: 'range', ...bounds },
      ];
      expect(await sorted(range({ gt: 20 }))).toEqual(['c-03', 'c-07']);
      expect(await sorted(range({ gte: 30 }))).toEqual(['c-03', 'c-07']);
      expect(await sorted(range({ lt: 15 }))).toEqual(['c-01', 'c-05']);
      expect(await sorted(range({ lte: 10 }))).toEqual(['c-01', 'c-05']);
      expect(await sorted(range({ gt: 10, lte: 20 }))).toEqual(['c-02', 'c-04', 'c-06', 'c-08', 'c-09']);
      expect(await sorted([{ field: 'tier', op: 'range', gte: 'gold', lt: 'h' }])).toEqual([
        'c-01',
        'c-03',
        'c-05',
        'c-08',
      ]);
    });

    it('prefix matches literally, case-sensitively, even with regex and LIKE characters', async () => {
      const prefix = (value: string) => sorted([{ field: 'code', op: 'prefix', value }]);
      expect(await prefix('a%')).toEqual(['c-01', 'c-07']);
      expect(await prefix('a_')).toEqual(['c-02']);
      expect(await prefix('a.')).toEqual(['c-03']);
      expect(await prefix('a*')).toEqual(['c-04']);
      expect(await prefix('a(')).toEqual(['c-05']);
      expect(await prefix('A')).toEqual(['c-08']);
      expect(await prefix('a%b')).toEqual(['c-01']);
      expect(await prefix('zz')).toEqual([]);
      expect((await prefix('')).length).toBe(9);
    });

    it('combines conditions with and', async () => {
      expect(
        await sorted([
          { field: 'tier', op: 'eq', value: 'gold' },
          { field: 'score', op: 'range', gte: 10 },
          { field: 'active', op: 'eq', value: true },
        ]),
      ).toEqual(['c-01', 'c-03']);
    });

    it('sorts ascending and descending, ties by id in the same direction, missing and null first', async () => {
      expect(await ids([], { field: 'score', direction: 'asc' })).toEqual([
        'c-05',
        'c-01',
        'c-09',
        'c-02',
        'c-04',
        'c-06',
        'c-08',
        'c-03',
        'c-07',
      ]);
      expect(await ids([], { field: 'score', direction: 'desc' })).toEqual([
        'c-07',
        'c-03',
        'c-08',
        'c-06',
        'c-04',
        'c-02',
        'c-09',
        'c-01',
        'c-05',
      ]);
      expect(await ids([], { field: 'tier', direction: 'asc' })).toEqual([
        'c-06',
        'c-09',
        'c-04',
        'c-01',
        'c-03',
        'c-05',
        'c-08',
        'c-02',
        'c-07',
      ]);
      expect(await ids([])).toEqual(Object.keys(CUSTOMERS).sort());
    });

    it.each<[string, Sort | undefined, Condition[]]>([
      ['by id', undefined, []],
      ['by score asc', { field: 'score', direction: 'asc' }, []],
      ['by score desc', { field: 'score', direction: 'desc' }, []],
      ['by tier asc, through nulls', { field: 'tier', direction: 'asc' }, []],
      ['by tier desc, through nulls', { field: 'tier', direction: 'desc' }, []],
      [
        'filtered, by active',
        { field: 'active', direction: 'desc' },
        [{ field: 'score', op: 'range', gte: 10 }],
      ],
    ])('cursor paging %s visits every match exactly once, in order', async (_label, sort, where) => {
      const all = await ids(where, sort);
      for (const limit of [1, 2, 4]) {
        const visited: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await store().find(spec.name, { where, sort, limit, cursor });
          expect(page.items.length).toBeLessThanOrEqual(limit);
          visited.push(...page.items.map((item) => item.id));
          cursor = page.nextCursor;
        } while (cursor !== undefined);
        expect(visited).toEqual(all);
      }
    });

    it('counts matches, without deleted documents', async () => {
      expect(await store().count(spec.name)).toBe(9);
      expect(await store().count(spec.name, [{ field: 'tier', op: 'eq', value: 'gold' }])).toBe(4);
      expect(await store().count(spec.name, [{ field: 'code', op: 'prefix', value: 'a%' }])).toBe(2);
    });

    it('refuses undeclared fields, operator objects, wrong types and foreign cursors', async () => {
      const refused = (query: Query) =>
        expect(store().find(spec.name, query)).rejects.toBeInstanceOf(InvalidQueryError);
      await refused({ where: [{ field: 'secret', op: 'eq', value: 'x' }], limit: 10 });
      await refused({ sort: { field: 'body', direction: 'asc' }, limit: 10 });
      // @ts-expect-error an operator object is not a scalar
      await refused({ where: [{ field: 'tier', op: 'eq', value: { $ne: 'x' } }], limit: 10 });
      // @ts-expect-error an operator object is not a list of scalars
      await refused({ where: [{ field: 'tier', op: 'in', values: { $nin: [] } }], limit: 10 });
      // @ts-expect-error an operator object is not a bound
      await refused({ where: [{ field: 'score', op: 'range', gt: { $gt: '' } }], limit: 10 });
      // @ts-expect-error there is no such operator
      await refused({ where: [{ field: 'tier', op: '$where', value: 'sleep(1000)' }], limit: 10 });
      await refused({ where: [{ field: 'tier', op: 'eq', value: 3 }], limit: 10 });
      await refused({ where: [{ field: 'score', op: 'prefix', value: '1' }], limit: 10 });
      await refused({ where: [{ field: 'score', op: 'range' }], limit: 10 });
      await refused({ where: [{ field: 'code', op: 'prefix', value: 'a\0' }], limit: 10 });
      await refused({ limit: 0 });
      await refused({ limit: 10, cursor: 'not-a-cursor' });
      const page = await store().find(spec.name, { sort: { field: 'score', direction: 'asc' }, limit: 1 });
      await refused({ sort: { field: 'score', direction: 'desc' }, limit: 1, cursor: page.nextCursor });
      await expect(
        store().count(spec.name, [{ field: 'tier', op: 'eq', value: { $gt: '' } as unknown as string }]),
      ).rejects.toBeInstanceOf(InvalidQueryError);
      await expect(store().get(spec.name, { $ne: null } as unknown as string)).rejects.toBeInstanceOf(
        InvalidQueryError,
      );
      await expect(store().find('x; drop table aliases', { limit: 1 })).rejects.toBeInstanceOf(
        InvalidQueryError,
      );
    });
  });
}
