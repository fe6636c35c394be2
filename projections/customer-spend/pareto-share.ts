import { toEpochMs } from '@crm/domain';
import { DEFAULT_SEGMENTATION_POLICY, type SegmentationPolicy } from './segmentation-policy';
import { spendInWindow, type SpendLedger } from './spend-window';

export interface ParetoShare {
  readonly asOf: string;
  readonly windowDays: number;
  readonly currency: string;
  /** Customers with net spend > 0 in the window. */
  readonly population: number;
  /** ceil(population · topPercent / 100). */
  readonly topCount: number;
  readonly topPercent: number;
  /** Net spend of the `topCount` biggest spenders, minor units. */
  readonly topNetSpend: number;
  /** Net spend of the whole population, minor units. */
  readonly totalNetSpend: number;
  /** topNetSpend ÷ totalNetSpend; null when nobody spent. */
  readonly share: number | null;
  /** Customers who bought in the window but net ≤ 0 there (all returned, or another currency): left out. */
  readonly excludedCustomers: number;
}

/**
 * The 80/20 view at `asOf`: the share of net spend in (asOf − 365 days, asOf] that comes from the top
 * 20% of customers by net spend. The population is the customers with net spend > 0 there: one who
 * only returned goods would push the share above 100%. Erased customers still count: this is an
 * anonymous aggregate of money really earned, and erasure does not undo revenue.
 */
export const paretoShare = (
  ledgers: readonly SpendLedger[],
  asOf: string,
  policy: SegmentationPolicy = DEFAULT_SEGMENTATION_POLICY,
): ParetoShare => {
  const asOfMs = toEpochMs(asOf);
  const windowed = ledgers.map((ledger) =>
    spendInWindow(ledger, asOfMs, policy.paretoWindowDays, policy.currency),
  );
  const nets = windowed.flatMap(({ net }) => (net > 0 ? [net] : [])).sort((a, b) => b - a);
  const excludedCustomers = windowed.filter(({ net, purchases }) => net <= 0 && purchases > 0).length;
  const topCount = Math.ceil((nets.length * policy.paretoTopPercent) / 100);
  const topNetSpend = sum(nets.slice(0, topCount));
  const totalNetSpend = sum(nets);
  return {
    asOf,
    windowDays: policy.paretoWindowDays,
    currency: policy.currency,
    population: nets.length,
    topCount,
    topPercent: policy.paretoTopPercent,
    topNetSpend,
    totalNetSpend,
    share: totalNetSpend === 0 ? null : topNetSpend / totalNetSpend,
    excludedCustomers,
  };
};

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
