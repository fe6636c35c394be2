import type { Recorded } from '../shared/decider';
import {
  NOW,
  command,
  daysAgo,
  erased,
  event,
  marketingConsent,
  purchased,
  registered,
  tryAmount,
} from '../testing/customer-fixtures';
import { customerStateContent } from '../testing/customer-state-content';
import { decideCustomer } from './customer.decide';
import type { CustomerEvent } from './customer.events';
import { CUSTOMER_STATE_VERSION, customerStateCodec } from './customer.snapshot';
import { evolveCustomer, initialCustomerState, type CustomerState } from './customer.state';

const replay = (events: Array<CustomerEvent & { occurredAt?: string }>): CustomerState =>
  events.reduce(
    (state, e) => evolveCustomer(state, { ...e, occurredAt: e.occurredAt ?? NOW } as Recorded<CustomerEvent>),
    initialCustomerState(),
  );

const roundTrip = (state: CustomerState): CustomerState =>
  customerStateCodec.decode(customerStateCodec.encode(state));

/** 70 purchases (three chunks of the purchase book), two returns, a complaint, consent, a tier and a floor. */
const longHistory = (): Array<CustomerEvent & { occurredAt?: string }> => [
  registered(daysAgo(400)),
  ...Array.from({ length: 70 }, (_, i) => purchased(`p-${i}`, tryAmount(10_000 + i), daysAgo(300 - i))),
  event('PurchaseReturned', { returnId: 'r-1', purchaseId: 'p-3', amount: tryAmount(2_000) }, daysAgo(200)),
  event('PurchaseReturned', { returnId: 'r-2', purchaseId: 'p-69', amount: tryAmount(500) }, daysAgo(20)),
  event('Purchased', { purchaseId: 'e-1', amount: { amount: 7_000, currency: 'EUR' } }, daysAgo(10)),
  event('Complained', {
    complaintId: 'k-1',
    category: 'delivery',
    description: 'Late',
    channel: 'phone',
    slaHours: 72,
  }),
  marketingConsent('email'),
  event('TierChanged', {
    from: 'bronze',
    to: 'silver',
    reason: 'upgrade',
    qualifyingSpend: 600_000,
    asOf: daysAgo(30),
  }),
  event('TierFloorSet', { tier: 'silver' }),
];

describe('Customer state snapshots', () => {
  it('decodes to the state it encoded: purchases in every chunk, returns, spend, complaints, consents, loyalty', () => {
    const state = replay(longHistory());

    expect(customerStateContent(roundTrip(state))).toEqual(customerStateContent(state));
    expect(customerStateCodec.encode(roundTrip(state))).toEqual(customerStateCodec.encode(state));
  });

  it('folds later events on a decoded state as on the folded one: purchases, returns of older ones, spend', () => {
    const later: Array<CustomerEvent & { occurredAt?: string }> = [
      purchased('p-70', tryAmount(5_000), daysAgo(5)),
      event(
        'PurchaseReturned',
        { returnId: 'r-3', purchaseId: 'p-10', amount: tryAmount(1_000) },
        daysAgo(4),
      ),
      purchased('p-71', tryAmount(6_000), daysAgo(400)),
    ];
    const fold = (from: CustomerState) =>
      later.reduce(
        (state, e) =>
          evolveCustomer(state, { ...e, occurredAt: e.occurredAt ?? NOW } as Recorded<CustomerEvent>),
        from,
      );
    const state = replay(longHistory());

    expect(customerStateContent(fold(roundTrip(state)))).toEqual(customerStateContent(fold(state)));
  });

  it('decides on a decoded state as on the folded one', () => {
    const state = replay(longHistory());
    const decoded = roundTrip(state);
    const returnOfAnOldPurchase = command('ReturnPurchase', {
      returnId: 'r-3',
      purchaseId: 'p-3',
      amount: tryAmount(8_003),
    });
    const repeatedPurchase = command('RecordPurchase', { purchaseId: 'p-40', amount: tryAmount(10_040) });

    expect(decideCustomer(returnOfAnOldPurchase, decoded, { now: NOW })).toEqual(
      decideCustomer(returnOfAnOldPurchase, state, { now: NOW }),
    );
    const decide = (on: CustomerState) => () => decideCustomer(repeatedPurchase, on, { now: NOW });
    expect(decide(decoded)).toThrow('purchase p-40 is already recorded');
    expect(decide(state)).toThrow('purchase p-40 is already recorded');
  });

  it('keeps the profile in the part to seal: the plain part holds only purchases and spend', () => {
    const { state, plain } = customerStateCodec.encode(replay(longHistory()));
    const holds = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text));

    for (const personal of ['ayse@example.com.tr', 'Ayşe Yılmaz']) {
      expect(holds(state, personal)).toBe(true);
      expect(holds(plain, personal)).toBe(false);
    }
    expect(holds(plain, 'p-69')).toBe(true);
  });

  it('round-trips an unregistered and an erased customer', () => {
    expect(roundTrip(initialCustomerState())).toEqual(initialCustomerState());
    const gone = replay([registered(), purchased('p-1', tryAmount(100)), erased()]);
    expect(customerStateContent(roundTrip(gone))).toEqual(customerStateContent(gone));
  });

  it("names the state's version and every customer event's schema version", () => {
    expect(customerStateCodec.version).toMatch(new RegExp(`^customer-state\\.${CUSTOMER_STATE_VERSION}/`));
    expect(customerStateCodec.version).toContain('Purchased.2');
    expect(customerStateCodec.version).toContain('CustomerRegistered.1');
  });
});
