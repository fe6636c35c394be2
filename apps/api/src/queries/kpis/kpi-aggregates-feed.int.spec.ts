import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kpiCustomers } from '@crm/projections/kpi-customers';
import { kpiFacts, KPI_FACTS_FIELDS, periodOf, type Kpi } from '@crm/projections/kpi-facts';
import { history, TRY } from '@crm/projections/kpi-facts/kpi-facts.fixtures';
import { project } from '@crm/projections/testing/envelope';
import { collectionName } from '@crm/projection-runtime';
import { type JsonObject, type ReadStore, SqliteReadStore } from '@crm/read-store';
import { KpiAggregatesFeed } from './kpi-aggregates-feed';

const MARCH = periodOf('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z');
const FACTS = collectionName(kpiFacts);
const CUSTOMERS = collectionName(kpiCustomers);

const revenue = (kpis: readonly Kpi[]) => kpis.find((kpi) => kpi.key === 'net_new_revenue');

/** Writes the read models as the runner would after `events`: documents, then the checkpoint. */
async function projectInto(store: ReadStore, events: ReturnType<ReturnType<typeof history>['events']>) {
  const through = events[events.length - 1].position;
  for (const [definition, collection] of [
    [kpiFacts, FACTS],
    [kpiCustomers, CUSTOMERS],
  ] as const) {
    const documents = Object.entries(project(definition as typeof kpiFacts, events));
    await store.bulkWrite(
      collection,
      documents.map(([id, body]) => ({
        kind: 'upsert' as const,
        document: { id, version: Number(body.lastPosition), body: body as unknown as JsonObject },
      })),
    );
    await store.saveCheckpoint(collection, { position: through, updatedAt: new Date().toISOString() });
  }
}

describe('KpiAggregatesFeed over a SQLite read store', () => {
  let dir: string;
  let store: SqliteReadStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kpi-feed-'));
    store = SqliteReadStore.open({ path: join(dir, 'read.db') });
    await store.ensureCollection({ name: FACTS, fields: KPI_FACTS_FIELDS });
    await store.ensureCollection({ name: CUSTOMERS, fields: kpiCustomers.fields ?? [] });
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a purchase, when a return and a new purchase reach the read models, then the next report counts them', async () => {
    const h = history();
    h.on('c1', 'Purchased', '2026-03-03T00:00:00Z', { purchaseId: 'p1', amount: TRY(5_000) });
    await projectInto(store, h.events());
    const feed = new KpiAggregatesFeed(store);
    expect(revenue((await feed.current()).report(MARCH))).toMatchObject({ value: 5_000, records: 1 });

    h.on('c1', 'PurchaseReturned', '2026-03-05T00:00:00Z', { purchaseId: 'p1', amount: TRY(1_000) });
    h.on('c2', 'Purchased', '2026-03-06T00:00:00Z', { purchaseId: 'p2', amount: TRY(700) });
    await projectInto(store, h.events());
    // 5 000 − 1 000 + 700, three records: the changed fact replaced its old contribution.
    expect(revenue((await feed.current()).report(MARCH))).toMatchObject({ value: 4_700, records: 3 });
  });

  it('given no KPI collections yet, then the report is refused as not built (503)', async () => {
    const empty = SqliteReadStore.open({ path: join(dir, 'empty.db') });
    await expect(new KpiAggregatesFeed(empty).current()).rejects.toMatchObject({ status: 503 });
    await empty.close();
  });
});
