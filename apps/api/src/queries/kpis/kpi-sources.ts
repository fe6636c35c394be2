import { Injectable } from '@nestjs/common';
import type { Condition } from '@crm/read-store';
import type { KpiCustomer } from '@crm/projections/kpi-customers';
import {
  DAY_IN_MS,
  DEFAULT_KPI_POLICY,
  type KpiFact,
  type KpiFactKind,
  type KpiInput,
  type Period,
} from '@crm/projections/kpi-facts';
import { READ_MODELS, ReadModels, type ReadModel } from '../read-models';

const BATCH = 1_000;

const kind = (value: KpiFactKind): Condition => ({ field: 'kind', op: 'eq', value });
const after = (field: string, ms: number, toMs?: number): Condition => ({
  field,
  op: 'range',
  gt: ms,
  ...(toMs === undefined ? {} : { lte: toMs }),
});
const notAfter = (field: string, ms: number): Condition => ({ field, op: 'range', lte: ms });

/**
 * Loads only the facts each KPI family reads: one kind over its period by the declared fields, never
 * the event log. The pure KPI functions filter precisely; these queries only bound what is read.
 */
@Injectable()
export class KpiSources {
  constructor(private readonly readModels: ReadModels) {}

  async load({ fromMs, toMs }: Period): Promise<KpiInput> {
    const windowStartMs = toMs - DEFAULT_KPI_POLICY.surveyWindowDays * DAY_IN_MS;
    const clicksAfterMs = fromMs - DEFAULT_KPI_POLICY.clickAttributionDays * DAY_IN_MS;
    const facts = await Promise.all([
      this.facts([kind('complaint'), after('atMs', fromMs, toMs)]),
      this.facts([kind('opportunity'), after('endMs', fromMs)]),
      this.facts([kind('opportunity'), { field: 'endMs', op: 'eq', value: null }, notAfter('atMs', toMs)]),
      this.facts([kind('delivery'), after('atMs', fromMs, toMs)]),
      // Revenue impact credits clicks on deliveries of any date: those whose latest click may precede a
      // purchase of the period by at most the attribution window.
      this.facts([kind('delivery'), after('endMs', clicksAfterMs)]),
      this.facts([kind('purchase'), after('atMs', fromMs, toMs)]),
      this.facts([kind('purchase'), after('endMs', fromMs)]),
      this.facts([kind('nps'), after('atMs', windowStartMs, toMs)]),
      this.facts([kind('csat'), after('atMs', windowStartMs, toMs)]),
    ]);
    const customers = await Promise.all([
      this.customers([after('leadMs', fromMs, toMs)]),
      this.customers([notAfter('optInMs', toMs)]),
      // Every ledger by `to`: the CLV distribution covers them all, churn a subset.
      this.customers([notAfter('firstPurchaseMs', toMs)]),
    ]);
    return {
      facts: distinct(facts.flat()) as KpiFact[],
      customers: distinct(customers.flat()) as KpiCustomer[],
    };
  }

  private facts(where: readonly Condition[]): Promise<Array<[string, unknown]>> {
    return this.all(READ_MODELS.kpiFacts, where);
  }

  private customers(where: readonly Condition[]): Promise<Array<[string, unknown]>> {
    return this.all(READ_MODELS.kpiCustomers, where);
  }

  private async all(model: ReadModel, where: readonly Condition[]): Promise<Array<[string, unknown]>> {
    const documents: Array<[string, unknown]> = [];
    let cursor: string | undefined;
    do {
      const page = await this.readModels.find(model, { where, limit: BATCH, cursor });
      documents.push(...page.items.map((item): [string, unknown] => [item.id, item.body]));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return documents;
  }
}

const distinct = (documents: ReadonlyArray<[string, unknown]>): unknown[] => [...new Map(documents).values()];
