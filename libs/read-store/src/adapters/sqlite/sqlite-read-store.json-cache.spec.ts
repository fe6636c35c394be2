import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CollectionSpec, JsonObject } from '../../read-store';
import { SqliteReadStore, type SqliteReadStoreOptions } from './sqlite-read-store';

const spec: CollectionSpec = { name: 'customers_v1', fields: [{ path: 'tier', type: 'string' }] };

describe('SqliteReadStore getJson cache (ADR 0020)', () => {
  let dir: string;
  let reader: SqliteReadStore;
  let writer: SqliteReadStore;

  const open = (options: Partial<SqliteReadStoreOptions> = {}): SqliteReadStore =>
    SqliteReadStore.open({ path: join(dir, 'read.db'), ...options });
  const upsert = (store: SqliteReadStore, id: string, version: number, body: JsonObject) =>
    store.bulkWrite('customers', [{ kind: 'upsert', document: { id, version, body } }]);
  const jsonOf = async (store: SqliteReadStore, id: string) => {
    const stored = await store.getJson('customers', id);
    return stored && { version: stored.version, body: JSON.parse(stored.json.toString('utf8')) as unknown };
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crm-read-cache-'));
    writer = open();
    await writer.ensureCollection(spec);
    await writer.setAlias('customers', spec.name);
    await upsert(writer, 'c-1', 1, { tier: 'bronze' });
    reader = open();
  });

  afterEach(async () => {
    await reader.close();
    await writer.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers a repeated read from memory while nothing was committed', async () => {
    const first = await reader.getJson('customers', 'c-1');
    const second = await reader.getJson('customers', 'c-1');
    expect(second).toBe(first);
    expect(second?.json.toString()).toBe('{"tier":"bronze"}');
  });

  it("sees another connection's commit at the next read", async () => {
    expect(await jsonOf(reader, 'c-1')).toEqual({ version: 1, body: { tier: 'bronze' } });
    await upsert(writer, 'c-1', 2, { tier: 'gold' });
    expect(await jsonOf(reader, 'c-1')).toEqual({ version: 2, body: { tier: 'gold' } });
  });

  it("looks for another thread's or process's commits once per event-loop turn", async () => {
    expect(await jsonOf(reader, 'c-1')).toEqual({ version: 1, body: { tier: 'bronze' } });
    // A connection no SqliteReadStore of this thread knows of, as a worker thread's or another process's is.
    const elsewhere = new Database(join(dir, 'read.db'));
    elsewhere
      .prepare(`UPDATE customers_v1 SET version = 2, body = jsonb('{"tier":"gold"}') WHERE id = 'c-1'`)
      .run();
    elsewhere.close();

    expect(await jsonOf(reader, 'c-1')).toEqual({ version: 1, body: { tier: 'bronze' } });
    await new Promise(setImmediate);
    expect(await jsonOf(reader, 'c-1')).toEqual({ version: 2, body: { tier: 'gold' } });
  });

  it('sees a deletion by another connection at the next read', async () => {
    await reader.getJson('customers', 'c-1');
    await writer.bulkWrite('customers', [{ kind: 'delete', id: 'c-1', version: 2 }]);
    expect(await reader.getJson('customers', 'c-1')).toBeUndefined();
  });

  it('sees its own writes at once, which leave the data version as it was', async () => {
    expect(await jsonOf(writer, 'c-1')).toEqual({ version: 1, body: { tier: 'bronze' } });
    await upsert(writer, 'c-1', 2, { tier: 'silver' });
    expect(await jsonOf(writer, 'c-1')).toEqual({ version: 2, body: { tier: 'silver' } });
  });

  it('keeps an answer per collection name asked for, so an alias and its target do not mix', async () => {
    await writer.ensureCollection({ ...spec, name: 'customers_v2' });
    await writer.bulkWrite('customers_v2', [
      { kind: 'upsert', document: { id: 'c-1', version: 5, body: { tier: 'platinum' } } },
    ]);
    expect((await reader.getJson('customers', 'c-1'))?.version).toBe(1);
    expect((await reader.getJson('customers_v2', 'c-1'))?.version).toBe(5);
    expect((await reader.getJson('customers', 'c-1'))?.version).toBe(1);
  });

  it('drops its answers when the WAL is truncated after an erasure', async () => {
    const before = await reader.getJson('customers', 'c-1');

    expect(await reader.truncateWal()).toBe(true);

    const after = await reader.getJson('customers', 'c-1');
    expect(after).not.toBe(before);
    expect(after).toEqual(before);
  });

  it('reads every time when its size is 0', async () => {
    const uncached = open({ jsonCacheBytes: 0 });
    try {
      const first = await uncached.getJson('customers', 'c-1');
      expect(await uncached.getJson('customers', 'c-1')).not.toBe(first);
      expect(await uncached.getJson('customers', 'c-1')).toEqual(first);
    } finally {
      await uncached.close();
    }
  });
});
