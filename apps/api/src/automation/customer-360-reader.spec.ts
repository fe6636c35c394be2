import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionName, storageName } from '@crm/projection-runtime';
import { customer360 } from '@crm/projections/customer-360';
import { type ReadStore, SqliteReadStore } from '@crm/read-store';
import { Customer360Reader, StaleReadModelError } from './customer-360-reader';

const BASE = collectionName(customer360);
const REBUILT = `${BASE}_r1`;
const ALIAS = storageName(customer360.name);
const UPDATED_AT = '2026-06-01T12:00:00.000Z';

describe('Customer360Reader', () => {
  let dir: string;
  let store: ReadStore;
  const signal = new AbortController().signal;

  const holding = async (collection: string, position: number, tier: string) => {
    await store.ensureCollection({ name: collection, fields: [] });
    await store.bulkWrite(collection, [
      { kind: 'upsert', document: { id: 'c-1', version: position, body: { customerId: 'c-1', tier } } },
    ]);
    await store.saveCheckpoint(collection, { position, updatedAt: UPDATED_AT });
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-360-reader-'));
    store = SqliteReadStore.open({ path: join(dir, 'read.db') });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a rebuild swapped the alias to _r1, reads _r1 and its checkpoint, not the frozen base', async () => {
    // The base stopped at position 10 when the alias moved; the rebuilt collection has gone on to 12.
    await holding(BASE, 10, 'silver');
    await holding(REBUILT, 12, 'gold');
    await store.setAlias(ALIAS, REBUILT);

    const doc = await new Customer360Reader(store, 50).at('c-1', 12, signal);

    expect(doc).toEqual({ customerId: 'c-1', tier: 'gold' });
  });

  it('follows a swap that happens while it waits', async () => {
    await holding(BASE, 10, 'silver');
    await store.setAlias(ALIAS, BASE);
    const reading = new Customer360Reader(store, 2_000).at('c-1', 12, signal);

    await holding(REBUILT, 12, 'gold');
    await store.setAlias(ALIAS, REBUILT);

    await expect(reading).resolves.toEqual({ customerId: 'c-1', tier: 'gold' });
  });

  it('gives up as stale when no collection reaches the position in time', async () => {
    await holding(BASE, 10, 'silver');
    await store.setAlias(ALIAS, BASE);

    await expect(new Customer360Reader(store, 50).at('c-1', 11, signal)).rejects.toBeInstanceOf(
      StaleReadModelError,
    );
  });
});
