import { customer360 } from './definition';
import {
  CUSTOMER_ID,
  complained,
  envelope,
  event,
  purchased,
  registered,
  replay,
  stamp,
} from './customer-360.fixtures';
import { customer360AsOf } from './time-travel';

const history = stamp([
  registered('2026-01-01T09:00:00.000Z'),
  purchased('p1', 100_000, '2026-01-10T10:00:00.000Z'),
  event('CustomerProfileUpdated', { email: 'ayse@yeni.com.tr' }, '2026-02-01T09:00:00.000Z'),
  purchased('p2', 200_000, '2026-03-01T10:00:00.000Z'),
  complained('k1', '2026-04-01T00:00:00.000Z', 24),
]);

describe('customer-360 time travel', () => {
  it('replays up to and including an instant', () => {
    const doc = customer360AsOf(history, { instant: '2026-02-01T09:00:00.000Z' });
    expect(doc).toStrictEqual(replay(history.slice(0, 3)));
    expect(doc?.profile.email).toBe('ayse@yeni.com.tr');
    expect(doc?.netSpend).toBe(100_000);
  });

  it('replays up to and including a revision', () => {
    const doc = customer360AsOf(history, { revision: 1 });
    expect(doc?.lastRevision).toBe(1);
    expect(doc?.profile.email).toBe('Ayse.Yilmaz@Example.com.tr');
    expect(doc?.purchases.count).toBe(1);
  });

  it('applies both bounds when both are given', () => {
    expect(customer360AsOf(history, { instant: '2026-12-31T00:00:00.000Z', revision: 3 })?.lastRevision).toBe(
      3,
    );
    expect(customer360AsOf(history, { instant: '2026-01-15T00:00:00.000Z', revision: 3 })?.lastRevision).toBe(
      1,
    );
  });

  describe('at an instant T after the last event before it', () => {
    // Purchases on 2026-01-10T10:00 and 2026-03-01T10:00: one gap of 50 days, so the churn limit is
    // max(2 × 50, 60) = 100 days after the last purchase, i.e. 2026-06-09T10:00.
    const purchasesOnly = history.slice(0, 4);

    it('evaluates churn risk at T: not at 100 days exactly, at risk one millisecond later', () => {
      expect(customer360AsOf(purchasesOnly, { instant: '2026-06-09T10:00:00.000Z' })?.churnRisk).toBe(false);
      const atRisk = customer360AsOf(purchasesOnly, { instant: '2026-06-09T10:00:00.001Z' });
      expect(atRisk?.churnRisk).toBe(true);
      expect(atRisk?.churn).toMatchObject({
        reasons: ['purchase_gap'],
        evaluatedAt: '2026-06-09T10:00:00.001Z',
      });
    });

    it('reports T in UTC when it is written with an offset', () => {
      // 2026-06-09T13:00:00.001+03:00 is 10:00:00.001Z, one millisecond past the 100 days.
      const atRisk = customer360AsOf(purchasesOnly, { instant: '2026-06-09T13:00:00.001+03:00' });
      expect(atRisk).toMatchObject({ churnRisk: true, asOf: '2026-06-09T10:00:00.001Z' });
    });

    it('evaluates CLV at T: 300,000 net × 0.30 × 3 years ÷ 2 years since the first purchase = 135,000', () => {
      // 730 days after 2026-01-10T10:00 is 2028-01-10T10:00 (2027 is not a leap year, 2028 Feb is later).
      const twoYearsOn = '2028-01-10T10:00:00.000Z';
      const doc = customer360AsOf(purchasesOnly, { instant: twoYearsOn });
      expect(doc?.clv).toEqual({ amount: 135_000, currency: 'TRY', asOf: twoYearsOn });
      expect(doc?.asOf).toBe(twoYearsOn);
      // At the last event (2026-03-01) fewer than one year has passed: 300,000 × 0.30 × 3 ÷ 1 = 270,000.
      expect(customer360AsOf(purchasesOnly, {})?.clv?.amount).toBe(270_000);
    });
  });

  it('evaluates time-based flags as of the last replayed event when bounded by revision only', () => {
    expect(customer360AsOf(history, { revision: 4 })?.churnRisk).toBe(false);
    const later = [
      ...history,
      envelope(event('NpsAnswered', { surveyId: 's', score: 8 }, '2026-04-03T00:00:00.000Z'), 5),
    ];
    expect(customer360AsOf(later, {})?.churnRisk).toBe(true);
    expect(customer360AsOf(later, { instant: '2026-04-02T00:00:00.000Z' })?.churnRisk).toBe(false);
  });

  it('equals the live projection with no bounds, whatever order the events come in', () => {
    expect(customer360AsOf([...history].reverse(), {})).toStrictEqual(replay(history));
  });

  it('is null before the first event and for no customer events', () => {
    expect(customer360AsOf(history, { instant: '2025-12-31T00:00:00.000Z' })).toBeNull();
    expect(customer360AsOf([], { revision: 10 })).toBeNull();
    expect(customer360AsOf(stamp([registered()], 'opportunity-o-1'), {})).toBeNull();
  });

  it("ignores another stream's events", () => {
    const other = stamp([purchased('x1', 999_999, '2026-01-05T00:00:00.000Z')], 'customer-c-2002');
    const doc = customer360AsOf([...history, ...other], {});
    expect(doc?.customerId).toBe(CUSTOMER_ID);
    expect(doc).toStrictEqual(history.reduce(customer360.evolve, customer360.initial(CUSTOMER_ID)));
  });
});
