import type { KpiCustomer } from '@crm/projections/kpi-customers';
import { kpiCustomers } from '@crm/projections/kpi-customers';
import { kpiFacts, type KpiFact, type Period } from '@crm/projections/kpi-facts';
import { computeKpis } from '@crm/projections/kpi-facts/kpis/all-kpis';
import { projectionTarget } from '@crm/projection-runtime';
import type { Kpi } from '@crm/projections/kpi-facts';
import type { ReadStore } from '@crm/read-store';

async function everything(store: ReadStore, collection: string): Promise<unknown[]> {
  const bodies: unknown[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.find(collection, { limit: 10_000, cursor });
    bodies.push(...page.items.map((item) => item.body));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return bodies;
}

/**
 * The baseline: what GET /kpis did before the aggregates (issue 21), a scan of every fact and customer
 * through the pure KPI functions of `kpis/`, which remain the reference the aggregates' spec checks.
 */
export async function scanKpis(store: ReadStore, period: Period): Promise<Kpi[]> {
  const facts = (await everything(store, await projectionTarget(store, kpiFacts))) as KpiFact[];
  const customers = (await everything(store, await projectionTarget(store, kpiCustomers))) as KpiCustomer[];
  return computeKpis({ facts, customers }, period);
}
