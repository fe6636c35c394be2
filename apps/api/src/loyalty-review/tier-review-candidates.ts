import { type Condition } from '@crm/read-store';
import { type LoyaltyPolicy, TIERS, tierRank } from '@crm/domain';
import { type LoyaltyTierDocument, measureSpend } from '@crm/projections/loyalty-tier';

/** What the read store can filter on: listed customers above bronze. */
export const CANDIDATE_FILTER: readonly Condition[] = [
  { field: 'listed', op: 'eq', value: true },
  { field: 'tier', op: 'in', values: TIERS.filter((tier) => tier !== 'bronze') },
];

/**
 * Whether the review at `asOf` may warn, downgrade or cancel for this customer: a warning is outstanding
 * (grace may be over, or spend back), or their spend at `asOf` is below their tier's threshold and a
 * floor does not already hold them there. The decider has the last word; this only spares the
 * customers it would leave alone. Spend at `asOf` comes from the document's kept entries, which are
 * complete for any `asOf` at or after the document's own `asOf`; for an earlier one they may miss
 * entries the projection already pruned (see docs/loyalty-reviews.md).
 */
export const isDueForReview = (doc: LoyaltyTierDocument, asOf: string, policy: LoyaltyPolicy): boolean => {
  if (doc.downgradeWarning !== null) {
    return true;
  }
  if (tierRank(doc.tier) <= tierRank(doc.floor)) {
    return false;
  }
  return measureSpend(doc.spend, null, asOf, policy).qualifyingSpend < policy.thresholds[doc.tier];
};
