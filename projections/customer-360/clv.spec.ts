import { day, event, given, purchased, registered, returned, tick } from './customer-360.fixtures';

describe('customer-360: historical CLV (RULES.md)', () => {
  it('is null before any TRY purchase', () => {
    given([registered(day(0)), purchased('p1', 50_000, day(1), 'EUR')]).then((doc) =>
      expect(doc.clv).toBeNull(),
    );
  });

  it('uses one year as the minimum span for a customer younger than a year', () => {
    // AOV = (100 000 + 200 001) ÷ 2 = 150 000.5 kuruş; years = max(1, 30/365) = 1 → 2 purchases per year.
    // CLV = 150 000.5 × 2 × 0.30 × 3 = 270 000.9 → 270 000 kuruş.
    given([registered(day(0)), purchased('p1', 100_000, day(0)), purchased('p2', 200_001, day(10))])
      .when(tick(day(30)))
      .then((doc) => expect(doc.clv).toEqual({ amount: 270_000, currency: 'TRY', asOf: day(30) }));
  });

  it('divides by the years between the first purchase and the latest event', () => {
    // Purchases 1 000.00, 2 500.00 and 1 500.50 TRY, first on 2025-01-01, T = 2027-01-01 (730 days = 2 years).
    // AOV = 500 050 ÷ 3 = 166 683.33…; purchases per year = 3 ÷ 2 = 1.5.
    // CLV = 166 683.33… × 1.5 × 0.30 × 3 = 225 022.5 → 225 022 kuruş.
    given([
      registered(day(0)),
      purchased('p1', 100_000, day(0)),
      purchased('p2', 250_000, day(100)),
      purchased('p3', 150_050, day(400)),
    ])
      .when(tick(day(730)))
      .then((doc) => expect(doc.clv).toEqual({ amount: 225_022, currency: 'TRY', asOf: day(730) }));
  });

  it('counts net spend after returns and only TRY purchases', () => {
    // TRY: 2 purchases, net 300 000 − 60 000 = 240 000; years = 1.5 (547.5 days).
    // AOV = 120 000; purchases per year = 2 ÷ 1.5; CLV = 120 000 × 4/3 × 0.9 = 144 000 kuruş.
    given([
      registered(day(0)),
      purchased('p1', 100_000, day(0)),
      purchased('p2', 200_000, day(200)),
      purchased('p3', 99_999, day(201), 'EUR'),
      returned('r1', 'p2', 60_000, day(210)),
    ])
      .when(tick(day(547, '12:00:00.000')))
      .then((doc) => expect(doc.clv?.amount).toBe(144_000));
  });

  it('is recomputed as time passes with any later event', () => {
    const history = [registered(day(0)), purchased('p1', 100_000, day(0))];
    given(history)
      .when(event('TierFloorSet', { tier: 'silver' }, day(1460)))
      .then((doc) => {
        // 90 000 at one year or less; four years later 100 000 × 1 ÷ 4 × 0.9 = 22 500.
        expect(doc.clv).toEqual({ amount: 22_500, currency: 'TRY', asOf: day(1460) });
      });
  });
});
