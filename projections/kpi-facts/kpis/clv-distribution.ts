import { type DatedAmount, type DatedAmounts, datedEntries, toEpochMs } from '@crm/domain';
import type { KpiCustomer } from '../../kpi-customers';
import { DAY_IN_MS, PRIMARY_CURRENCY, type Kpi, type KpiPolicy } from './kpi';

const YEAR_IN_MS = 365 * DAY_IN_MS;

const primaryBy = (columns: DatedAmounts, toMs: number): DatedAmount[] =>
  datedEntries(columns).filter((entry) => entry.currency === PRIMARY_CURRENCY && entry.atMs <= toMs);

const sum = (entries: readonly DatedAmount[]): number =>
  entries.reduce((total, entry) => total + entry.amount, 0);

/**
 * RULES.md, historical CLV as of `to`: AOV × purchases per year × margin × lifespan
 * = net × margin × lifespan ÷ max(1, years since the first purchase), in BigInt, rounded down.
 */
export const clvAsOf = (customer: KpiCustomer, toMs: number, policy: KpiPolicy): number | null => {
  const purchases = primaryBy(customer.purchases, toMs);
  if (purchases.length === 0) {
    return null;
  }
  const firstMs = Math.min(...purchases.map((purchase) => purchase.atMs));
  return clvOf(sum(purchases) - sum(primaryBy(customer.returns, toMs)), firstMs, toMs, policy);
};

/** The CLV formula on a ledger's net TRY spend by `to` and its first TRY purchase. */
export const clvOf = (netSpend: number, firstMs: number, toMs: number, policy: KpiPolicy): number => {
  const net = BigInt(Math.max(0, netSpend));
  const numerator =
    net * BigInt(policy.clvMarginPercent) * BigInt(policy.clvLifespanYears) * BigInt(YEAR_IN_MS);
  return Number(numerator / (100n * BigInt(Math.max(YEAR_IN_MS, toMs - firstMs))));
};

/** Nearest rank: the smallest value with at least p% of the values at or below it. */
const percentile = (sorted: readonly number[], p: number): number | null =>
  sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];

/** Percentiles of the CLV of customers not erased by `to` with a TRY purchase by then. */
export const clvDistributionKpis = (
  customers: readonly KpiCustomer[],
  toMs: number,
  policy: KpiPolicy,
): Kpi[] => {
  const values = customers
    .filter((customer) => customer.erasedAt === null || toEpochMs(customer.erasedAt) > toMs)
    .map((customer) => clvAsOf(customer, toMs, policy))
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  return clvDistributionKpisOf(values, policy);
};

/** The percentiles of CLV values sorted ascending. */
export const clvDistributionKpisOf = (values: readonly number[], policy: KpiPolicy): Kpi[] =>
  policy.clvPercentiles.map((p) => ({
    key: `clv_distribution.p${p}`,
    value: percentile(values, p),
    unit: 'TRY minor units',
    definition: `${p}th percentile (nearest rank) of historical CLV as of \`to\` (AOV × purchases per year × ${policy.clvMarginPercent}% margin × ${policy.clvLifespanYears} years) over listed customers with a TRY purchase by \`to\`.`,
    records: values.length,
  }));
