import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionName } from '@crm/projection-runtime';
import { CUSTOMER_SPEND_FIELDS, customerSpend, emptyCustomerSpend } from '@crm/projections/customer-spend';
import { type JsonObject, SqliteReadStore } from '@crm/read-store';
import { ReadModels } from '../read-models';
import { SegmentLedgers } from './segment-ledgers';

const AS_OF = '2026-01-01T00:00:00.000Z';
const BOUGHT_MS = Date.parse('2025-12-01T00:00:00.000Z');

describe('SegmentLedgers while the alias still serves the previous customer-spend version', () => {
  let dir: string;
  let store: SqliteReadStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-segment-ledgers-'));
    store = SqliteReadStore.open({ path: join(dir, 'read.db') });
    const write = async (collection: string, body: object, position: number) => {
      await store.ensureCollection({ name: collection, fields: CUSTOMER_SPEND_FIELDS });
      await store.bulkWrite(collection, [
        { kind: 'upsert', document: { id: 'c1', version: position, body: body as JsonObject } },
      ]);
      await store.saveCheckpoint(collection, { position, updatedAt: AS_OF });
    };
    // Version 1 kept one signed `ledger` of `{ at, kind, amount, currency }`.
    await write(
      'customer_spend_v1',
      {
        customerId: 'c1',
        ledger: [{ at: '2025-12-01T00:00:00.000Z', kind: 'purchase', amount: 7, currency: 'TRY' }],
        lastPurchaseMs: BOUGHT_MS,
        listed: true,
      },
      40,
    );
    await store.setAlias('customer_spend', 'customer_spend_v1');
    await write(
      collectionName(customerSpend),
      {
        ...emptyCustomerSpend('c1'),
        purchases: { atMs: [BOUGHT_MS], amount: [7], currency: ['TRY'] },
        lastPurchaseMs: BOUGHT_MS,
      },
      25,
    );
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("loads the ledgers of its own version's collection, in the shape this code reads", async () => {
    const ledgers = await new SegmentLedgers(new ReadModels(store), store).withPurchaseWithin(AS_OF, 365);

    expect(ledgers).toEqual([
      expect.objectContaining({
        customerId: 'c1',
        purchases: { atMs: [BOUGHT_MS], amount: [7], currency: ['TRY'] },
      }),
    ]);
  });

  it("answers that collection's checkpoint as the position results are cached by", async () => {
    expect(await new SegmentLedgers(new ReadModels(store), store).position()).toBe(25);
  });
});
