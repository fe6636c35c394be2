import type { Recorded } from '../shared/decider';
import {
  NOW,
  erased,
  marketingConsent,
  purchased,
  registered,
  tryAmount,
} from '../testing/customer-fixtures';
import type { CustomerEvent } from './customer.events';
import {
  evolveCustomer,
  initialCustomerState,
  type CustomerState,
  type RegisteredCustomer,
} from './customer.state';
import { EMPTY_PURCHASE_BOOK, findPurchase } from './purchase-book';
import { spendWithin } from './spend-ledger';

const replay = (events: Array<CustomerEvent & { occurredAt?: string }>): CustomerState =>
  events.reduce(
    (state, event) =>
      evolveCustomer(state, { ...event, occurredAt: event.occurredAt ?? NOW } as Recorded<CustomerEvent>),
    initialCustomerState(),
  );

describe('Customer state', () => {
  it('starts unregistered', () => {
    expect(initialCustomerState()).toEqual({ status: 'unregistered' });
  });

  it('ignores anything before the registration', () => {
    expect(replay([purchased('p1', tryAmount(1))])).toEqual({ status: 'unregistered' });
  });

  it('starts a registered customer as a bronze lead with nothing on record', () => {
    const state = replay([registered()]);
    expect(state).toMatchObject({
      status: 'registered',
      stage: 'lead',
      tier: 'bronze',
      tierFloor: 'bronze',
      purchases: EMPTY_PURCHASE_BOOK,
      consents: {},
    });
  });

  it('keeps each purchase, and its spend at its own time for the loyalty window', () => {
    const state = replay([
      registered(),
      purchased('p1', tryAmount(500), '2026-01-01T00:00:00Z'),
      purchased('p2', tryAmount(70), '2025-12-01T00:00:00Z'),
    ]);
    const { purchases, spend } = state as RegisteredCustomer;
    expect(findPurchase(purchases, 'p1')).toEqual({ amount: tryAmount(500), returned: 0 });
    expect(findPurchase(purchases, 'p2')).toEqual({ amount: tryAmount(70), returned: 0 });
    expect(findPurchase(purchases, 'p3')).toBeUndefined();
    expect(
      spendWithin(spend, 'TRY', Date.parse('2025-12-31T00:00:00Z'), Date.parse('2026-01-01T00:00:00Z')),
    ).toBe(500);
    expect(spendWithin(spend, 'TRY', 0, Date.parse('2025-12-31T00:00:00Z'))).toBe(70);
  });

  it('forgets the profile on erasure but keeps the tier', () => {
    const state = replay([registered(), marketingConsent('email'), erased()]);
    expect(state).toEqual({ status: 'erased', customerId: 'c-1001', tier: 'bronze' });
  });

  it('ignores anything after erasure', () => {
    const state = replay([registered(), erased(), purchased('p1', tryAmount(1))]);
    expect(state.status).toBe('erased');
  });
});
