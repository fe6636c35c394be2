import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { UnknownCollectionError } from '../../errors';
import type { CollectionSpec, Condition, Sort } from '../../read-store';
import { SqliteReadStore } from './sqlite-read-store';
import { findSql, successor, whereSql } from './sqlite-query';

const spec: CollectionSpec = {
  name: 'customers_v1',
  fields: [
    { path: 'tier', type: 'string' },
    { path: 'profile.email', type: 'string' },
    { path: 'score', type: 'number' },
  ],
};

describe('SqliteReadStore', () => {
  let dir: string;
  let path: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-read-store-'));
    path = join(dir, 'read.db');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function withStore<T>(use: (store: SqliteReadStore) => Promise<T>): Promise<T> {
    const store = SqliteReadStore.open({ path });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  it('refuses an in-memory database', () => {
    expect(() => SqliteReadStore.open({ path: ':memory:' })).toThrow(RangeError);
  });

  it('creates an expression index per declared field, and the queries use them', async () => {
    await withStore((store) => store.ensureCollection(spec));
    const db = new Database(path, { readonly: true });
    try {
      const indexes = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
        .pluck()
        .all(spec.name);
      expect(indexes.sort()).toEqual([
        'customers_v1:profile.email',
        'customers_v1:score',
        'customers_v1:tier',
      ]);
      const plan = (where: Condition[], sort?: Sort) => {
        const filter = whereSql(where, sort);
        return db
          .prepare(`EXPLAIN QUERY PLAN ${findSql(spec.name, filter, sort)}`)
          .all(...filter.params, 10)
          .map((row) => (row as { detail: string }).detail)
          .join('\n');
      };
      expect(plan([{ field: 'tier', op: 'eq', value: 'gold' }])).toContain('USING INDEX customers_v1:tier');
      expect(plan([{ field: 'profile.email', op: 'prefix', value: 'ann' }])).toContain(
        'USING INDEX customers_v1:profile.email',
      );
      expect(plan([{ field: 'tier', op: 'in', values: ['gold', 'silver'] }])).toContain(
        'USING INDEX customers_v1:tier',
      );
      const sorted = plan([], { field: 'score', direction: 'desc' });
      expect(sorted).toContain('USING INDEX customers_v1:score');
      expect(sorted).not.toContain('TEMP B-TREE');
    } finally {
      db.close();
    }
  });

  it('creates a new file with 16 KiB pages and keeps the page size of an existing one', async () => {
    await withStore((store) => store.ensureCollection(spec));
    const pageSize = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.pragma('page_size', { simple: true });
      } finally {
        db.close();
      }
    };
    expect(pageSize(path)).toBe(16384);

    const older = join(dir, 'older.db');
    const db = new Database(older);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE kept (x)');
    db.close();
    const reopened = SqliteReadStore.open({ path: older });
    await reopened.close();
    expect(pageSize(older)).toBe(4096);
  });

  it('stores bodies as JSONB and still reads and queries bodies stored as JSON text by earlier versions', async () => {
    await withStore(async (store) => {
      await store.ensureCollection(spec);
      await store.bulkWrite(spec.name, [
        { kind: 'upsert', document: { id: 'new', version: 1, body: { tier: 'gold', score: 2 } } },
      ]);
    });
    const db = new Database(path);
    try {
      db.prepare(`INSERT INTO ${spec.name} (id, version, deleted, body) VALUES (?, 1, 0, ?)`).run(
        'old',
        JSON.stringify({ tier: 'gold', score: 1, note: 'ı → ğ' }),
      );
      const types = db.prepare(`SELECT id, typeof(body) AS type FROM ${spec.name} ORDER BY id`).all();
      expect(types).toEqual([
        { id: 'new', type: 'blob' },
        { id: 'old', type: 'text' },
      ]);
    } finally {
      db.close();
    }

    await withStore(async (store) => {
      expect(await store.get(spec.name, 'old')).toEqual({
        id: 'old',
        version: 1,
        body: { tier: 'gold', score: 1, note: 'ı → ğ' },
      });
      expect((await store.getJson(spec.name, 'old'))?.json.toString('utf8')).toBe(
        '{"tier":"gold","score":1,"note":"ı → ğ"}',
      );
      expect((await store.getJson(spec.name, 'new'))?.json.toString('utf8')).toBe(
        '{"tier":"gold","score":2}',
      );
      const page = await store.find(spec.name, {
        where: [{ field: 'tier', op: 'eq', value: 'gold' }],
        sort: { field: 'score', direction: 'asc' },
        limit: 10,
      });
      expect(page.items.map((item) => item.id)).toEqual(['old', 'new']);
      expect([...(await store.getMany(spec.name, ['old', 'new'])).keys()].sort()).toEqual(['new', 'old']);
    });
  });

  it('keeps documents, aliases and checkpoints across reopening the file', async () => {
    await withStore(async (store) => {
      await store.ensureCollection(spec);
      await store.bulkWrite(spec.name, [
        { kind: 'upsert', document: { id: 'c-1', version: 3, body: { tier: 'gold' } } },
      ]);
      await store.setAlias('customers', spec.name);
      await store.saveCheckpoint('customer-360', { position: 3, updatedAt: '2026-03-01T00:00:00.000Z' });
    });
    await withStore(async (store) => {
      expect(await store.get('customers', 'c-1')).toEqual({ id: 'c-1', version: 3, body: { tier: 'gold' } });
      expect(await store.count('customers', [{ field: 'tier', op: 'eq', value: 'gold' }])).toBe(1);
      expect((await store.getCheckpoint('customer-360'))?.position).toBe(3);
    });
  });

  it('both instances see an alias swap made by the first at once, however often they read before it', async () => {
    const first = SqliteReadStore.open({ path });
    const second = SqliteReadStore.open({ path });
    try {
      const v2 = { ...spec, name: 'customers_v2' };
      await first.ensureCollection(spec);
      await first.ensureCollection(v2);
      await first.bulkWrite(spec.name, [
        { kind: 'upsert', document: { id: 'c-1', version: 1, body: { v: 1 } } },
      ]);
      await first.bulkWrite(v2.name, [
        { kind: 'upsert', document: { id: 'c-1', version: 1, body: { v: 2 } } },
      ]);
      await first.setAlias('customers', spec.name);
      for (const store of [first, second, first, second]) {
        expect((await store.get('customers', 'c-1'))?.body).toEqual({ v: 1 });
      }
      for (const store of [first, second, first, second]) {
        expect((await store.getJson('customers', 'c-1'))?.json.toString()).toBe('{"v":1}');
      }
      await first.setAlias('customers', v2.name);
      expect((await second.getJson('customers', 'c-1'))?.json.toString()).toBe('{"v":2}');
      expect((await second.get('customers', 'c-1'))?.body).toEqual({ v: 2 });
      expect((await first.get('customers', 'c-1'))?.body).toEqual({ v: 2 });
      expect(await second.resolveAlias('customers')).toBe(v2.name);
      await first.setAlias('customers', spec.name);
      await first.dropCollection(v2.name);
      expect((await second.getJson('customers', 'c-1'))?.json.toString()).toBe('{"v":1}');
      await first.dropCollection(spec.name);
      await expect(second.getJson('customers', 'c-1')).rejects.toBeInstanceOf(UnknownCollectionError);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('matches prefixes of characters beyond the basic plane', async () => {
    await withStore(async (store) => {
      await store.ensureCollection(spec);
      await store.bulkWrite(
        spec.name,
        ['😀a', '😀', '😁', 'z', '\u{10FFFF}x'].map((tier, i) => ({
          kind: 'upsert' as const,
          document: { id: `c-${i}`, version: 1, body: { tier } },
        })),
      );
      const prefixed = async (value: string) =>
        (await store.find(spec.name, { where: [{ field: 'tier', op: 'prefix', value }], limit: 10 })).items
          .map((item) => item.body.tier)
          .sort();
      expect(await prefixed('😀')).toEqual(['😀', '😀a']);
      expect(await prefixed('\u{10FFFF}')).toEqual(['\u{10FFFF}x']);
    });
  });

  it('computes the successor of a prefix by code point', () => {
    expect(successor('ab')).toBe('ac');
    expect(successor('a%')).toBe('a&');
    expect(successor('a\u{10FFFF}')).toBe('b');
    expect(successor('\u{D7FF}')).toBe('\u{E000}');
    expect(successor('\u{10FFFF}')).toBeUndefined();
    expect(successor('')).toBeUndefined();
  });
});
