import { addDays } from '../shared/instant';
import {
  NOW,
  command,
  event,
  convertedByPurchase,
  given,
  purchased,
  registered,
  tryAmount,
  unchecked,
} from '../testing/customer-fixtures';

const purchase = (purchaseId: string, amount = tryAmount(25_000), extra: { channel?: string } = {}) =>
  command('RecordPurchase', { purchaseId, amount, ...extra });

const returning = (returnId: string, purchaseId: string, amount = tryAmount(5_000)) =>
  command('ReturnPurchase', { returnId, purchaseId, amount });

describe('Customer purchases and returns', () => {
  describe('when registered', () => {
    it("records a lead's first purchase and makes the lead a customer", () => {
      given([registered()])
        .when(purchase('p1'))
        .then([purchased('p1', tryAmount(25_000)), convertedByPurchase()]);
    });

    it('makes a prospect a customer', () => {
      given([registered(), event('StageAdvanced', { from: 'lead', to: 'prospect', trigger: 'command' })])
        .when(purchase('p1'))
        .then([
          purchased('p1', tryAmount(25_000)),
          event('StageAdvanced', { from: 'prospect', to: 'customer', trigger: 'purchase' }),
        ]);
    });

    it('leaves the stage of a loyal customer alone', () => {
      given([registered(), event('StageAdvanced', { from: 'lead', to: 'loyal', trigger: 'command' })])
        .when(purchase('p1'))
        .then([purchased('p1', tryAmount(25_000))]);
    });

    it('keeps the sales channel of a purchase', () => {
      given([registered()])
        .when(purchase('p1', tryAmount(25_000), { channel: 'store-kadikoy' }))
        .then([
          event('Purchased', { purchaseId: 'p1', amount: tryAmount(25_000), channel: 'store-kadikoy' }),
          convertedByPurchase(),
        ]);
    });

    it('records a foreign-currency purchase without touching the loyalty tier', () => {
      const euros = { amount: 9_000_000, currency: 'EUR' };
      given([registered()])
        .when(purchase('p1', euros))
        .then([purchased('p1', euros), convertedByPurchase()]);
    });

    it.each([
      ['a zero amount', tryAmount(0), 'greater than zero'],
      ['a fractional amount', tryAmount(99.5), 'amount.amount'],
      ['a negative amount', tryAmount(-100), 'amount.amount'],
      ['a lowercase currency', { amount: 100, currency: 'try' }, 'amount.currency'],
      ['an amount above 10^12 minor units', tryAmount(1_000_000_000_001), 'at most 1000000000000'],
    ])('refuses a purchase with %s', (_situation, amount, message) => {
      given([registered()]).when(purchase('p1', amount)).thenThrows('invalid_input', message);
    });

    it('takes the largest single amount, 10^12 minor units', () => {
      given([registered()])
        .when(purchase('p1', tryAmount(1_000_000_000_000), { channel: 'store' }))
        .then([
          event('Purchased', { purchaseId: 'p1', amount: tryAmount(1_000_000_000_000), channel: 'store' }),
          expect.anything(),
          convertedByPurchase(),
        ]);
    });

    it("refuses a purchase that would take the customer's gross in its currency past 2^53 − 1", () => {
      // 9,007,199,254,740,991 − 9,007,000,000,000,000 = 199,254,740,991 left; returns do not give any back.
      const nearlyFull = [
        registered(),
        purchased('p-old', tryAmount(9_007_000_000_000_000)),
        event('PurchaseReturned', { returnId: 'r-old', purchaseId: 'p-old', amount: tryAmount(5_000_000) }),
      ];
      given(nearlyFull)
        .when(purchase('p2', tryAmount(199_254_740_992)))
        .thenThrows('invalid_input', 'largest total');
      given(nearlyFull)
        .when(purchase('p2', { amount: 199_254_740_992, currency: 'EUR' }))
        .then([purchased('p2', { amount: 199_254_740_992, currency: 'EUR' }), convertedByPurchase()]);
    });

    it('refuses a purchase without a valid purchase id', () => {
      given([registered()]).when(purchase('p 1')).thenThrows('invalid_input', 'purchaseId');
    });

    it('refuses a purchase without an amount', () => {
      given([registered()])
        .when(command('RecordPurchase', unchecked({ purchaseId: 'p1' })))
        .thenThrows('invalid_input', 'amount');
    });
  });

  describe('when a purchase is recorded', () => {
    const history = [registered(), purchased('p1', tryAmount(20_000))];

    it('refuses the same purchase id again', () => {
      given(history).when(purchase('p1')).thenThrows('already_exists', 'p1');
    });

    it('returns part of the purchase', () => {
      given(history)
        .when(returning('r1', 'p1', tryAmount(5_000)))
        .then([event('PurchaseReturned', { returnId: 'r1', purchaseId: 'p1', amount: tryAmount(5_000) })]);
    });

    it('returns the whole purchase', () => {
      given(history)
        .when(returning('r1', 'p1', tryAmount(20_000)))
        .then([event('PurchaseReturned', { returnId: 'r1', purchaseId: 'p1', amount: tryAmount(20_000) })]);
    });

    it('refuses to return more than was bought', () => {
      given(history)
        .when(returning('r1', 'p1', tryAmount(20_001)))
        .thenThrows('invalid_transition', 'exceeds');
    });

    it('refuses to return more than is left after an earlier return', () => {
      given([
        ...history,
        event('PurchaseReturned', { returnId: 'r1', purchaseId: 'p1', amount: tryAmount(15_000) }),
      ])
        .when(returning('r2', 'p1', tryAmount(5_001)))
        .thenThrows('invalid_transition', '5000 TRY left');
    });

    it('refuses a return of a purchase that does not exist', () => {
      given(history).when(returning('r1', 'p-unknown')).thenThrows('not_found', 'p-unknown');
    });

    it('refuses a return in another currency than the purchase', () => {
      given(history)
        .when(returning('r1', 'p1', { amount: 100, currency: 'EUR' }))
        .thenThrows('invalid_input', 'currency');
    });

    it('refuses a return id that was already used', () => {
      given([
        ...history,
        event('PurchaseReturned', { returnId: 'r1', purchaseId: 'p1', amount: tryAmount(1_000) }),
      ])
        .when(returning('r1', 'p1', tryAmount(1_000)))
        .thenThrows('already_exists', 'r1');
    });

    it('refuses a return of nothing', () => {
      given(history)
        .when(returning('r1', 'p1', tryAmount(0)))
        .thenThrows('invalid_input', 'greater than zero');
    });
  });

  describe('when churned', () => {
    const history = [
      registered(),
      purchased('p1', tryAmount(10_000), addDays(NOW, -400)),
      event('StageAdvanced', { from: 'lead', to: 'churned', trigger: 'command' }),
    ];

    it('a purchase brings the customer back to the customer stage', () => {
      given(history)
        .when(purchase('p2', tryAmount(10_000)))
        .then([
          purchased('p2', tryAmount(10_000)),
          event('StageAdvanced', { from: 'churned', to: 'customer', trigger: 'purchase' }),
        ]);
    });
  });
});
