import { DAY_IN_MS, toEpochMs } from '../shared/instant';
import { TIERS, type Tier } from './customer-vocabulary';
import { type SpendLedger, spendWithin } from './spend-ledger';

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

export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

/** The qualifying window ending at `asOf`, in epoch ms: (after, until]. */
const qualifyingWindow = (asOf: string, policy: LoyaltyPolicy): { after: number; until: number } => {
  const until = toEpochMs(asOf);
  return { after: until - policy.qualifyingWindowDays * DAY_IN_MS, until };
};

/** Sum of loyalty-currency entries with `at` in (asOf − window, asOf]. */
export const qualifyingSpend = (
  entries: readonly SpendEntry[],
  asOf: string,
  policy: LoyaltyPolicy,
): number => {
  const { after, until } = qualifyingWindow(asOf, policy);
  return entries.reduce((sum, entry) => {
    const at = toEpochMs(entry.at);
    return entry.currency === policy.loyaltyCurrency && at > after && at <= until ? sum + entry.amount : sum;
  }, 0);
};

/** `qualifyingSpend` of the movements a ledger holds. */
export const ledgerQualifyingSpend = (ledger: SpendLedger, asOf: string, policy: LoyaltyPolicy): number => {
  const { after, until } = qualifyingWindow(asOf, policy);
  return spendWithin(ledger, policy.loyaltyCurrency, after, until);
};

export const tierForSpend = (spend: number, policy: LoyaltyPolicy): Tier =>
  [...TIERS].reverse().find((tier) => spend >= policy.thresholds[tier]) ?? 'bronze';

export const tierBelow = (tier: Tier): Tier => TIERS[Math.max(0, tierRank(tier) - 1)];
