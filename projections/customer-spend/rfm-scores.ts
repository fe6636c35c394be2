import { DAY_IN_MS, toEpochMs } from '@crm/domain';
import { quintileScores } from './quintile-scores';
import { RFM_SEGMENTS, segmentOf, type RfmSegment } from './rfm-segment';
import { DEFAULT_SEGMENTATION_POLICY, type SegmentationPolicy } from './segmentation-policy';
import { spendInWindow, type SpendLedger } from './spend-window';

export interface RfmScore {
  readonly customerId: string;
  readonly lastPurchaseAt: string;
  /** Whole days from the last purchase in the window to asOf (R). */
  readonly recencyDays: number;
  /** Purchases in the window (F); returns do not lower it. */
  readonly frequency: number;
  /** Net spend in the window, minor units of the policy currency (M). */
  readonly monetary: number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly segment: RfmSegment;
}

export interface RfmResult {
  readonly asOf: string;
  readonly windowDays: number;
  readonly currency: string;
  /** Listed customers with at least one purchase in the window. */
  readonly population: number;
  readonly segments: Readonly<Record<RfmSegment, number>>;
  /** By customer id. */
  readonly customers: readonly RfmScore[];
}

interface Measured {
  readonly customerId: string;
  readonly lastPurchaseMs: number;
  readonly recencyDays: number;
  readonly frequency: number;
  readonly monetary: number;
}

const measure = (ledgers: readonly SpendLedger[], asOfMs: number, policy: SegmentationPolicy): Measured[] =>
  ledgers.flatMap((ledger) => {
    const spend = spendInWindow(ledger, asOfMs, policy.rfmWindowDays, policy.currency);
    if (!ledger.listed || spend.lastPurchaseMs === null) return [];
    const recencyDays = Math.floor((asOfMs - spend.lastPurchaseMs) / DAY_IN_MS);
    return [
      {
        customerId: ledger.customerId,
        lastPurchaseMs: spend.lastPurchaseMs,
        recencyDays,
        frequency: spend.purchases,
        monetary: spend.net,
      },
    ];
  });

const countBySegment = (scores: readonly RfmScore[]): Record<RfmSegment, number> => {
  const counts = Object.fromEntries(RFM_SEGMENTS.map((segment) => [segment, 0])) as Record<
    RfmSegment,
    number
  >;
  for (const score of scores) counts[score.segment] += 1;
  return counts;
};

/**
 * RULES.md "RFM segmentation" at `asOf`: listed customers with ≥ 1 purchase in (asOf − window, asOf],
 * scored by quintile over that population (fewer days since the last purchase scores higher).
 * Erased (unlisted) customers are neither scored nor part of the population.
 */
export const rfmScores = (
  ledgers: readonly SpendLedger[],
  asOf: string,
  policy: SegmentationPolicy = DEFAULT_SEGMENTATION_POLICY,
): RfmResult => {
  const measured = measure(ledgers, toEpochMs(asOf), policy).sort((a, b) =>
    a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0,
  );
  const r = quintileScores(measured.map((customer) => -customer.recencyDays));
  const f = quintileScores(measured.map((customer) => customer.frequency));
  const m = quintileScores(measured.map((customer) => customer.monetary));
  const customers = measured.map(({ lastPurchaseMs, ...customer }, i) => {
    const quintiles = { r: r[i], f: f[i], m: m[i] };
    return {
      ...customer,
      lastPurchaseAt: new Date(lastPurchaseMs).toISOString(),
      ...quintiles,
      segment: segmentOf(quintiles),
    };
  });
  return {
    asOf,
    windowDays: policy.rfmWindowDays,
    currency: policy.currency,
    population: customers.length,
    segments: countBySegment(customers),
    customers,
  };
};
