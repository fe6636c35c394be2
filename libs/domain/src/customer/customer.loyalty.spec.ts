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
import { DEFAULT_LOYALTY_POLICY } from './loyalty-policy';

const purchase = (purchaseId: string, amount: number, occurredAt?: string) =>
  command('RecordPurchase', { purchaseId, amount: tryAmount(amount) }, occurredAt ? { occurredAt } : {});
const review = (asOf: string) => command('ReviewTier', { asOf });
const tierChanged = (
  from: 'bronze' | 'silver' | 'gold' | 'platinum',
  to: 'bronze' | 'silver' | 'gold' | 'platinum',
  reason: 'upgrade' | 'downgrade',
  qualifyingSpend: number,
  asOf: string,
) => event('TierChanged', { from, to, reason, qualifyingSpend, asOf });

describe('Customer loyalty tiers', () => {
  describe('when a purchase lifts qualifying spend', () => {
    it('upgrades bronze to silver in the same decision when spend reaches 5,000.00 TRY', () => {
      given([registered(), convertedByPurchase(), purchased('p1', tryAmount(400_000), daysAgo(30))])
        .when(purchase('p2', 100_000))
        .then([
          purchased('p2', tryAmount(100_000)),
          tierChanged('bronze', 'silver', 'upgrade', 500_000, NOW),
        ]);
    });

    it('upgrades several tiers at once', () => {
      given([registered(), convertedByPurchase()])
        .when(purchase('p1', 4_000_000))
        .then([
          purchased('p1', tryAmount(4_000_000)),
          tierChanged('bronze', 'platinum', 'upgrade', 4_000_000, NOW),
        ]);
    });

    it('upgrades from the current tier, not from bronze', () => {
      given([
        registered(),
        convertedByPurchase(),
        purchased('p1', tryAmount(600_000), daysAgo(10)),
        tierChanged('bronze', 'silver', 'upgrade', 600_000, daysAgo(10)),
      ])
        .when(purchase('p2', 900_000))
        .then([
          purchased('p2', tryAmount(900_000)),
          tierChanged('silver', 'gold', 'upgrade', 1_500_000, NOW),
        ]);
    });

    it('does not upgrade while spend stays within the current tier', () => {
      given([registered(), convertedByPurchase(), purchased('p1', tryAmount(100_000), daysAgo(30))])
        .when(purchase('p2', 399_999))
        .then([purchased('p2', tryAmount(399_999))]);
    });

    it('leaves out a purchase exactly 365 days old', () => {
      given([registered(), convertedByPurchase(), purchased('p1', tryAmount(400_000), daysAgo(365))])
        .when(purchase('p2', 100_000))
        .then([purchased('p2', tryAmount(100_000))]);
    });

    it('counts a purchase 364 days old', () => {
      given([registered(), convertedByPurchase(), purchased('p1', tryAmount(400_000), daysAgo(364))])
        .when(purchase('p2', 100_000))
        .then([
          purchased('p2', tryAmount(100_000)),
          tierChanged('bronze', 'silver', 'upgrade', 500_000, NOW),
        ]);
    });

    it('subtracts returns on their own date', () => {
      given([
        registered(),
        convertedByPurchase(),
        purchased('p1', tryAmount(600_000), daysAgo(60)),
        event(
          'PurchaseReturned',
          { returnId: 'r1', purchaseId: 'p1', amount: tryAmount(200_000) },
          daysAgo(30),
        ),
      ])
        .when(purchase('p2', 50_000))
        .then([purchased('p2', tryAmount(50_000))]);
    });

    it('does not count purchases in other currencies', () => {
      given([
        registered(),
        convertedByPurchase(),
        purchased('p1', { amount: 400_000, currency: 'EUR' }, daysAgo(30)),
      ])
        .when(purchase('p2', 100_000))
        .then([purchased('p2', tryAmount(100_000))]);
    });

    it('measures spend at the purchase’s own time when the command is backdated', () => {
      const at = daysAgo(100);
      given([registered(), convertedByPurchase(), purchased('p1', tryAmount(400_000), daysAgo(400))])
        .when(purchase('p2', 100_000, at))
        .then([purchased('p2', tryAmount(100_000)), tierChanged('bronze', 'silver', 'upgrade', 500_000, at)]);
    });

    it('upgrades and brings a churned customer back in one decision', () => {
      given([
        registered(),
        convertedByPurchase(),
        event('StageAdvanced', { from: 'lead', to: 'churned', trigger: 'command' }),
      ])
        .when(purchase('p1', 500_000))
        .then([
          purchased('p1', tryAmount(500_000)),
          tierChanged('bronze', 'silver', 'upgrade', 500_000, NOW),
          event('StageAdvanced', { from: 'churned', to: 'customer', trigger: 'purchase' }),
        ]);
    });

    it('follows an overridden policy', () => {
      const loyaltyPolicy = {
        ...DEFAULT_LOYALTY_POLICY,
        loyaltyCurrency: 'EUR',
        thresholds: { bronze: 0, silver: 100, gold: 200, platinum: 300 },
      };
      given([registered(), convertedByPurchase()])
        .when(command('RecordPurchase', { purchaseId: 'p1', amount: { amount: 250, currency: 'EUR' } }), {
          loyaltyPolicy,
        })
        .then([
          purchased('p1', { amount: 250, currency: 'EUR' }),
          tierChanged('bronze', 'gold', 'upgrade', 250, NOW),
        ]);
    });
  });

  describe('when reviewed', () => {
    const gold = [
      registered(daysAgo(500)),
      purchased('p1', tryAmount(1_500_000), daysAgo(400)),
      { ...tierChanged('bronze', 'gold', 'upgrade', 1_500_000, daysAgo(400)), occurredAt: daysAgo(400) },
    ];

    it('warns a customer whose spend fell below their tier, with 30 days of grace', () => {
      given(gold)
        .when(review(NOW))
        .then([
          event('TierDowngradeWarned', {
            tier: 'gold',
            qualifyingSpend: 0,
            graceUntil: addDays(NOW, 30),
            asOf: NOW,
          }),
        ]);
    });

    it('appends nothing for a customer whose spend still meets their tier', () => {
      given([...gold, purchased('p2', tryAmount(1_500_000), daysAgo(1))])
        .when(review(NOW))
        .thenNothing();
    });

    it('appends nothing for a bronze customer', () => {
      given([registered()]).when(review(NOW)).thenNothing();
    });

    describe('with a downgrade warning outstanding', () => {
      const warnedAt = daysAgo(30);
      const warned = [
        ...gold,
        event(
          'TierDowngradeWarned',
          { tier: 'gold', qualifyingSpend: 0, graceUntil: addDays(warnedAt, 30), asOf: warnedAt },
          warnedAt,
        ),
      ];

      it('waits while the grace period runs', () => {
        given(warned)
          .when(review(daysAgo(1)))
          .thenNothing();
      });

      it('downgrades one tier once the grace period is over', () => {
        given(warned)
          .when(review(NOW))
          .then([tierChanged('gold', 'silver', 'downgrade', 0, NOW)]);
      });

      it('cancels the warning when spend is back at the threshold', () => {
        given([...warned, purchased('p2', tryAmount(1_500_000), daysAgo(2))])
          .when(review(daysAgo(1)))
          .then([
            event('TierDowngradeCancelled', { tier: 'gold', qualifyingSpend: 1_500_000, asOf: daysAgo(1) }),
          ]);
      });

      it('cancels the warning when a floor now protects the tier', () => {
        given([...warned, event('TierFloorSet', { tier: 'gold' })])
          .when(review(NOW))
          .then([event('TierDowngradeCancelled', { tier: 'gold', qualifyingSpend: 0, asOf: NOW })]);
      });

      it('appends nothing when reviewed again at the same instant as the warning', () => {
        given(warned).when(review(warnedAt)).thenNothing();
      });

      it('refuses a review at an instant before the last review', () => {
        // warned at day −30; a review at day −31 would decide before a decision already taken.
        given(warned)
          .when(review(daysAgo(31)))
          .thenThrows('invalid_transition', 'latest loyalty fact');
      });
    });

    it('appends nothing when reviewed again at the instant of a downgrade', () => {
      given([...gold, tierChanged('gold', 'silver', 'downgrade', 0, NOW)])
        .when(review(NOW))
        .thenNothing();
    });

    it('warns again after a downgrade at a later review, one tier at a time', () => {
      given([...gold, tierChanged('gold', 'silver', 'downgrade', 0, daysAgo(1))])
        .when(review(NOW))
        .then([
          event('TierDowngradeWarned', {
            tier: 'silver',
            qualifyingSpend: 0,
            graceUntil: addDays(NOW, 30),
            asOf: NOW,
          }),
        ]);
    });

    it('does not warn a customer already at their floor', () => {
      given([...gold, event('TierFloorSet', { tier: 'gold' })])
        .when(review(NOW))
        .thenNothing();
    });

    it('downgrades down to, but not below, a lower floor', () => {
      const warnedAt = daysAgo(30);
      given([
        ...gold,
        event('TierFloorSet', { tier: 'silver' }),
        event('TierDowngradeWarned', { tier: 'gold', qualifyingSpend: 0, graceUntil: NOW, asOf: warnedAt }),
      ])
        .when(review(NOW))
        .then([tierChanged('gold', 'silver', 'downgrade', 0, NOW)]);
    });

    it('refuses a review without a valid instant', () => {
      given(gold).when(review('tomorrow')).thenThrows('invalid_input', 'asOf');
    });
  });

  describe('when an admin sets a floor', () => {
    it('records the floor', () => {
      given([registered()])
        .when(command('SetTierFloor', { tier: 'gold' }))
        .then([event('TierFloorSet', { tier: 'gold' })]);
    });

    it('appends nothing when the floor is already that tier', () => {
      given([registered(), event('TierFloorSet', { tier: 'gold' })])
        .when(command('SetTierFloor', { tier: 'gold' }))
        .thenNothing();
    });

    it('refuses a tier that does not exist', () => {
      given([registered()])
        .when(command('SetTierFloor', { tier: 'diamond' as 'gold' }))
        .thenThrows('invalid_input', 'tier');
    });
  });
});
