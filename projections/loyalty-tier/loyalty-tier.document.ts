import type { Tier } from '@crm/domain';
import { noSpend, type SpendColumns } from './spend-window';

export interface TierChange {
  readonly from: Tier;
  readonly to: Tier;
  readonly reason: 'upgrade' | 'downgrade';
  readonly qualifyingSpend: number;
  readonly asOf: string;
}

export interface DowngradeWarning {
  readonly tier: Tier;
  readonly qualifyingSpend: number;
  readonly graceUntil: string;
  readonly warnedAt: string;
}

/** One customer's place on the loyalty ladder. Plain JSON: strings, numbers, booleans, null. */
export interface LoyaltyTierDocument {
  readonly [key: string]: unknown;
  readonly customerId: string;
  readonly tier: Tier;
  readonly floor: Tier;
  /** False once the customer is erased: tier history stays, tier lists leave them out. */
  readonly listed: boolean;
  readonly erased: boolean;
  /** Qualifying spend (minor units of the loyalty currency) at `asOf`. */
  readonly qualifyingSpend: number;
  /** The latest `occurredAt` applied; null before the first event. */
  readonly asOf: string | null;
  /** Loyalty-currency purchases (+) and returns (−) with `at` after asOf − window, as columns. */
  readonly spend: SpendColumns;
  readonly downgradeWarning: DowngradeWarning | null;
  readonly lastChange: TierChange | null;
  readonly history: readonly TierChange[];
  /** The last stream revision applied; redeliveries at or below it are skipped. */
  readonly lastRevision: number;
}

export const emptyLoyaltyTier = (customerId: string): LoyaltyTierDocument => ({
  customerId,
  tier: 'bronze',
  floor: 'bronze',
  listed: true,
  erased: false,
  qualifyingSpend: 0,
  asOf: null,
  spend: noSpend(),
  downgradeWarning: null,
  lastChange: null,
  history: [],
  lastRevision: -1,
});
