import { InvalidTransitionError } from '../shared/domain-error';

/**
 * A review at T when the customer's loyalty record already holds a fact after T (a later review, an
 * upgrade, a floor). Deciding at T would either act on those later facts or slip a warning in before
 * decisions that were taken without it, so the review is refused rather than rewritten history.
 */
export class TierReviewSupersededError extends InvalidTransitionError {
  constructor(asOf: string, lastLoyaltyFactAt: string) {
    super(
      `asOf: a tier review at ${asOf} is earlier than the customer's latest loyalty fact at ${lastLoyaltyFactAt}`,
      { field: 'asOf', asOf, lastLoyaltyFactAt },
    );
  }
}
