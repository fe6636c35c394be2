import { type DatedAmounts, datedEntries, toEpochMs } from '@crm/domain';
import type { KpiCustomer } from '../../kpi-customers';
import { clvOf } from '../kpis/clv-distribution';
import { PRIMARY_CURRENCY, type KpiPolicy } from '../kpis/kpi';

/** Instants ascending with the running total of the amounts up to each. */
interface RunningLedger {
  readonly instants: Float64Array;
  readonly totals: Float64Array;
}

/**
 * What the CLV of one customer as of any `to` needs: the TRY purchases and returns as running totals, and
 * the erasure. CLV depends on `to` through years since the first purchase, so no sum over customers gives
 * its percentiles: each customer is evaluated per report, in O(log n) on these arrays.
 */
export interface ClvLedger {
  readonly erasedMs: number | null;
  readonly purchases: RunningLedger;
  readonly returns: RunningLedger;
}

const running = (columns: DatedAmounts): RunningLedger => {
  const primary = datedEntries(columns)
    .filter((entry) => entry.currency === PRIMARY_CURRENCY)
    .map(({ atMs, amount }) => ({ ms: atMs, amount }))
    .sort((a, b) => a.ms - b.ms);
  const totals = new Float64Array(primary.length);
  primary.forEach((entry, index) => (totals[index] = (index === 0 ? 0 : totals[index - 1]) + entry.amount));
  return { instants: Float64Array.from(primary, (entry) => entry.ms), totals };
};

export const clvLedger = (customer: KpiCustomer): ClvLedger => ({
  erasedMs: customer.erasedAt === null ? null : toEpochMs(customer.erasedAt),
  purchases: running(customer.purchases),
  returns: running(customer.returns),
});

/** How many instants are at or before `ms`. */
const countUpTo = ({ instants }: RunningLedger, ms: number): number => {
  let low = 0;
  let high = instants.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (instants[middle] <= ms) low = middle + 1;
    else high = middle;
  }
  return low;
};

const totalUpTo = (ledger: RunningLedger, ms: number): number => {
  const count = countUpTo(ledger, ms);
  return count === 0 ? 0 : ledger.totals[count - 1];
};

/** `clvAsOf` on the ledger: null when erased by `to` or without a TRY purchase by then. */
export const clvOfLedger = (ledger: ClvLedger, toMs: number, policy: KpiPolicy): number | null => {
  if ((ledger.erasedMs !== null && ledger.erasedMs <= toMs) || countUpTo(ledger.purchases, toMs) === 0) {
    return null;
  }
  const net = totalUpTo(ledger.purchases, toMs) - totalUpTo(ledger.returns, toMs);
  return clvOf(net, ledger.purchases.instants[0], toMs, policy);
};
