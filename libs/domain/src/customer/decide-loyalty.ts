import { addDays, requireInstant, toEpochMs } from '../shared/instant';
import { requireOneOf } from '../shared/validation';
import { TierReviewSupersededError } from './tier-review-superseded.error';
import type { ReviewTier, SetTierFloor } from './customer.commands';
import type {
  TierChanged,
  TierDowngradeCancelled,
  TierDowngradeWarned,
  TierFloorSet,
} from './customer.events';
import type { RegisteredCustomer } from './customer.state';
import { TIERS } from './customer-vocabulary';
import {
  ledgerQualifyingSpend,
  tierBelow,
  tierForSpend,
  tierRank,
  type LoyaltyPolicy,
  type SpendEntry,
} from './loyalty-policy';

/** The upgrade, if any, that spend including `entry` earns at the entry's own instant. */
export const upgradeFor = (
  state: RegisteredCustomer,
  entry: SpendEntry,
  policy: LoyaltyPolicy,
): TierChanged | null => {
  if (entry.currency !== policy.loyaltyCurrency) {
    return null;
  }
  // The entry itself is at asOf, inside the window, and in the loyalty currency (checked above).
  const spend = ledgerQualifyingSpend(state.spend, entry.at, policy) + entry.amount;
  const earned = tierForSpend(spend, policy);
  if (tierRank(earned) <= tierRank(state.tier)) {
    return null;
  }
  return {
    type: 'TierChanged',
    data: { from: state.tier, to: earned, reason: 'upgrade', qualifyingSpend: spend, asOf: entry.at },
  };
};

type ReviewOutcome = TierDowngradeWarned | TierChanged | TierDowngradeCancelled;

export const reviewTier = (
  command: ReviewTier,
  state: RegisteredCustomer,
  policy: LoyaltyPolicy,
): ReviewOutcome[] => {
  const asOf = requireInstant('asOf', command.data.asOf);
  const at = toEpochMs(asOf);
  if (at < toEpochMs(state.registeredAt)) {
    return [];
  }
  if (state.lastTierReviewAt !== null && at === toEpochMs(state.lastTierReviewAt)) {
    return [];
  }
  if (state.lastLoyaltyFactAt !== null && at < toEpochMs(state.lastLoyaltyFactAt)) {
    throw new TierReviewSupersededError(asOf, state.lastLoyaltyFactAt);
  }
  // From here on no loyalty fact is later than T: tier, warning and floor are the ones held at T, and
  // the ledger counts only spend dated at or before T.
  const spend = ledgerQualifyingSpend(state.spend, asOf, policy);
  const { tier, downgradeWarning } = state;
  const cancelled: TierDowngradeCancelled = {
    type: 'TierDowngradeCancelled',
    data: { tier, qualifyingSpend: spend, asOf },
  };
  const keepsTier = spend >= policy.thresholds[tier] || tierRank(tier) <= tierRank(state.tierFloor);
  if (keepsTier) {
    return downgradeWarning === null ? [] : [cancelled];
  }
  if (downgradeWarning === null) {
    return [
      {
        type: 'TierDowngradeWarned',
        data: { tier, qualifyingSpend: spend, graceUntil: addDays(asOf, policy.downgradeGraceDays), asOf },
      },
    ];
  }
  if (toEpochMs(asOf) >= toEpochMs(downgradeWarning.graceUntil)) {
    return [
      {
        type: 'TierChanged',
        data: { from: tier, to: tierBelow(tier), reason: 'downgrade', qualifyingSpend: spend, asOf },
      },
    ];
  }
  return [];
};

export const setTierFloor = (command: SetTierFloor, state: RegisteredCustomer): TierFloorSet[] => {
  const tier = requireOneOf('tier', command.data.tier, TIERS);
  return tier === state.tierFloor ? [] : [{ type: 'TierFloorSet', data: { tier } }];
};
