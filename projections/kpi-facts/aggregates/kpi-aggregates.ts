import type { KpiCustomer } from '../../kpi-customers';
import type { DeliveryFact, KpiFact, PurchaseFact } from '../kpi-fact';
import { DEFAULT_KPI_POLICY, type Kpi, type KpiPolicy, type Period } from '../kpis/kpi';
import { aggregateReport } from './aggregate-report';
import { campaignCredits } from './campaign-credits';
import { clvLedger, clvOfLedger, type ClvLedger } from './clv-ledger';
import { seriesWidth, type Contribution, type NpsAnswer } from './contribution';
import { customerContributions } from './customer-contributions';
import { DaySeries, type SeriesEntry } from './day-series';
import { factContributions } from './fact-contributions';

/**
 * The KPI aggregates (ADR kpi-aggregates): every KPI fact and KPI customer is turned, once per change,
 * into entries of day-bucketed series (`contribution.ts`); a report for any period (from, to] then sums
 * ≤ ~731 day buckets per series instead of reading facts. A changed fact or customer withdraws the entries
 * it had added and adds its new ones, so the aggregates equal those built from scratch. Pure and in
 * memory: the API feeds it the documents changed since it last looked.
 */
export class KpiAggregates {
  private readonly series = new Map<string, DaySeries>();
  private readonly npsAnswers = new DaySeries<NpsAnswer>(0);
  private readonly added = new Map<string, Contribution[]>();
  private readonly clv = new Map<string, ClvLedger>();
  private readonly campaignIds = new Set<string>();
  private readonly currencyCodes = new Set<string>();
  /** Revenue impact joins each customer's purchases and deliveries, redone for the customers changed. */
  private readonly purchasesOf = new Map<string, Map<string, PurchaseFact>>();
  private readonly deliveriesOf = new Map<string, Map<string, DeliveryFact>>();
  private readonly toCredit = new Set<string>();

  constructor(readonly policy: KpiPolicy = DEFAULT_KPI_POLICY) {}

  /** Adds a fact, or replaces the one stored under its id. */
  putFact(id: string, fact: KpiFact): void {
    this.replace(`fact:${id}`, factContributions(id, fact));
    if (fact.kind === 'delivery') this.campaignIds.add(fact.subject ?? '');
    if (fact.kind === 'opportunity' && fact.currency !== null) this.currencyCodes.add(fact.currency);
    if (fact.customerId === null) return;
    if (fact.kind === 'purchase') this.join(this.purchasesOf, fact.customerId, id, fact);
    if (fact.kind === 'delivery') this.join(this.deliveriesOf, fact.customerId, id, fact);
  }

  /** Adds a customer, or replaces the one stored under its id. */
  putCustomer(id: string, customer: KpiCustomer): void {
    this.replace(`customer:${id}`, customerContributions(customer, this.policy));
    this.clv.set(id, clvLedger(customer));
  }

  /** Every KPI of RULES.md for the period (from, to], as `computeKpis` gives it from the same documents. */
  report(period: Period): Kpi[] {
    for (const customerId of this.toCredit) {
      this.replace(
        `credit:${customerId}`,
        campaignCredits(
          this.purchasesOf.get(customerId)?.values() ?? [],
          this.deliveriesOf.get(customerId)?.values() ?? [],
          this.policy,
        ),
      );
    }
    this.toCredit.clear();
    return aggregateReport(this, period);
  }

  /** Σ values of series `key` over entries with xAfter < x ≤ xAtMost and y ≤ yAtMost. */
  sum(key: string, xAfter: number, xAtMost: number, yAtMost: number = xAtMost): number[] {
    const series = this.series.get(key);
    return series === undefined
      ? new Array<number>(seriesWidth(key)).fill(0)
      : series.sum(xAfter, xAtMost, yAtMost);
  }

  entries(key: string, xAfter: number, xAtMost: number): Iterable<SeriesEntry> {
    return this.series.get(key)?.entries(xAfter, xAtMost) ?? [];
  }

  answers(xAfter: number, xAtMost: number): Iterable<SeriesEntry<NpsAnswer>> {
    return this.npsAnswers.entries(xAfter, xAtMost);
  }

  campaigns(): ReadonlySet<string> {
    return this.campaignIds;
  }

  currencies(): ReadonlySet<string> {
    return this.currencyCodes;
  }

  /** The CLV of every customer listed at `to` with a TRY purchase by then, ascending. */
  clvValues(toMs: number): number[] {
    const values: number[] = [];
    for (const ledger of this.clv.values()) {
      const value = clvOfLedger(ledger, toMs, this.policy);
      if (value !== null) values.push(value);
    }
    return values.sort((a, b) => a - b);
  }

  private join<TFact>(
    index: Map<string, Map<string, TFact>>,
    customerId: string,
    id: string,
    fact: TFact,
  ): void {
    const facts = index.get(customerId) ?? new Map<string, TFact>();
    facts.set(id, fact);
    index.set(customerId, facts);
    this.toCredit.add(customerId);
  }

  private replace(source: string, contributions: Contribution[]): void {
    for (const previous of this.added.get(source) ?? []) this.apply(previous, 'remove');
    for (const next of contributions) this.apply(next, 'add');
    if (contributions.length === 0) this.added.delete(source);
    else this.added.set(source, contributions);
  }

  private apply(contribution: Contribution, change: 'add' | 'remove'): void {
    if (contribution.key === 'nps') {
      this.npsAnswers[change](contribution.entry as SeriesEntry<NpsAnswer>);
      return;
    }
    let series = this.series.get(contribution.key);
    if (series === undefined) {
      series = new DaySeries(seriesWidth(contribution.key));
      this.series.set(contribution.key, series);
    }
    series[change](contribution.entry as SeriesEntry);
  }
}
