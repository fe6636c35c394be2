import { DAY_IN_MS, toEpochMs } from '../shared/instant';
import { TIERS, type Tier } from './customer-vocabulary';

export interface LoyaltyPolicy {
  /** Minimum qualifying spend per tier, in minor units of `loyaltyCurrency`. */
  readonly thresholds: Readonly<Record<Tier, number>>;
  readonly qualifyingWindowDays: number;
  readonly downgradeGraceDays: number;
  readonly loyaltyCurrency: string;
}

export const DEFAULT_LOYALTY_POLICY: LoyaltyPolicy = {
  thresholds: { bronze: 0, silver: 500_000, gold: 1_500_000, platinum: 4_000_000 },
  qualifyingWindowDays: 365,
  downgradeGraceDays: 30,
  loyaltyCurrency: 'TRY',
};

/** A signed movement of qualifying spend: purchases add, returns subtract, each on its own date. */
export interface SpendEntry {
  readonly at: string;
  readonly amount: number;
  readonly currency: string;
}

/**
 * A spend entry as the customer decider's state keeps it: its instant parsed once, when the event is
 * evolved, rather than on every later purchase that measures the window.
 */
export interface TimedSpendEntry extends SpendEntry {
  readonly atMs: number;
}

export const timedSpendEntry = (entry: SpendEntry): TimedSpendEntry => ({
  ...entry,
  atMs: toEpochMs(entry.at),
});

const epochOf = (entry: SpendEntry | TimedSpendEntry): number =>
  'atMs' in entry ? entry.atMs : toEpochMs(entry.at);

export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

/** Sum of loyalty-currency entries with `at` in (asOf − window, asOf]. */
export const qualifyingSpend = (
  entries: readonly SpendEntry[],
  asOf: string,
  policy: LoyaltyPolicy,
): number => {
  const end = toEpochMs(asOf);
  const start = end - policy.qualifyingWindowDays * DAY_IN_MS;
  return entries.reduce((sum, entry) => {
    const at = epochOf(entry);
    return entry.currency === policy.loyaltyCurrency && at > start && at <= end ? sum + entry.amount : sum;
  }, 0);
};

export const tierForSpend = (spend: number, policy: LoyaltyPolicy): Tier =>
  [...TIERS].reverse().find((tier) => spend >= policy.thresholds[tier]) ?? 'bronze';

export const tierBelow = (tier: Tier): Tier => TIERS[Math.max(0, tierRank(tier) - 1)];
