import { addDays } from '../shared/instant';
import {
  NOW,
  command,
  daysAgo,
  convertedByPurchase,
  event,
  given,
  purchased,
  registered,
  tryAmount,
} from '../testing/customer-fixtures';

const review = (asOf: string) => command('ReviewTier', { asOf });
const tierChanged = (
  from: 'bronze' | 'silver' | 'gold' | 'platinum',
  to: 'bronze' | 'silver' | 'gold' | 'platinum',
  reason: 'upgrade' | 'downgrade',
  qualifyingSpend: number,
  asOf: string,
) => event('TierChanged', { from, to, reason, qualifyingSpend, asOf });

// RULES.md "Review": a review at T decides on the tier, warning and floor held at T, and on spend in
// (T − 365 days, T]; it never acts on a fact dated after T (ADR 0022).
const gold = [
  registered(daysAgo(500)),
  purchased('p1', tryAmount(1_500_000), daysAgo(400)),
  { ...tierChanged('bronze', 'gold', 'upgrade', 1_500_000, daysAgo(400)), occurredAt: daysAgo(400) },
];

describe('Customer loyalty tiers: a review at an instant T in the past', () => {
  it('appends nothing for a customer registered after T', () => {
    // Registered today with 6,000.00 TRY of purchases, so silver today; a month ago they were no one's
    // customer: the review at T = day −30 has nothing to decide.
    given([
      registered(),
      convertedByPurchase(),
      purchased('p1', tryAmount(600_000)),
      tierChanged('bronze', 'silver', 'upgrade', 600_000, NOW),
    ])
      .when(review(daysAgo(30)))
      .thenNothing();
  });

  it('refuses a review before an upgrade, rather than warning the tier held before it', () => {
    // Gold since day −400 and upgraded to platinum at day −5; a review at day −10 would act on a
    // tier the customer no longer holds.
    given([
      ...gold,
      purchased('p2', tryAmount(4_000_000), daysAgo(5)),
      { ...tierChanged('gold', 'platinum', 'upgrade', 4_000_000, daysAgo(5)), occurredAt: daysAgo(5) },
    ])
      .when(review(daysAgo(10)))
      .thenThrows('invalid_transition', 'latest loyalty fact');
  });

  it('measures spend at T, leaving out purchases dated after T', () => {
    // Gold (15,000.00) since day −400, spend in (T − 365 d, T] with T = day −10: 0. The 16,000.00 TRY
    // purchase at day −3 is after T and does not count, so the customer is warned with grace to T + 30.
    const at = daysAgo(10);
    given([...gold, purchased('p2', tryAmount(1_600_000), daysAgo(3))])
      .when(review(at))
      .then([
        event('TierDowngradeWarned', {
          tier: 'gold',
          qualifyingSpend: 0,
          graceUntil: addDays(at, 30),
          asOf: at,
        }),
      ]);
  });

  it('dates a review outcome by its asOf, not by when it was recorded', () => {
    // A warning for T = day −35, recorded today (a review run on demand); the review at day −5 is
    // after it, and the grace (day −35 + 30 = day −5) is over: one tier down.
    const warnedAt = daysAgo(35);
    given([
      ...gold,
      event('TierDowngradeWarned', {
        tier: 'gold',
        qualifyingSpend: 0,
        graceUntil: addDays(warnedAt, 30),
        asOf: warnedAt,
      }),
    ])
      .when(review(daysAgo(5)))
      .then([tierChanged('gold', 'silver', 'downgrade', 0, daysAgo(5))]);
  });

  it('does not downgrade before the grace that started at the warning has run', () => {
    // Warned at day −20 (grace until day +10); a review at day −1 is 19 days in: nothing.
    const warnedAt = daysAgo(20);
    given([
      ...gold,
      event(
        'TierDowngradeWarned',
        { tier: 'gold', qualifyingSpend: 0, graceUntil: addDays(warnedAt, 30), asOf: warnedAt },
        warnedAt,
      ),
    ])
      .when(review(daysAgo(1)))
      .thenNothing();
  });
});
