import { type Given, givenCustomer, purchased, returned } from '../testing/customer-history';
import { kpiCustomers } from './definition';
import type { KpiCustomer } from './kpi-customer.document';

const given = (...events: Given[]) => givenCustomer<KpiCustomer>(kpiCustomers, ...events);

describe('kpi-customers projection', () => {
  describe('given purchases, one back-dated, and a return', () => {
    const { doc } = given(
      purchased('2025-03-01T10:00:00.000Z', 150_000),
      purchased('2025-01-15T08:30:00.000Z', 900, 'EUR'),
      returned('2025-03-05T12:00:00.000Z', 50_000),
    );

    it('then each is kept in columns of instant (epoch ms), amount and currency, in event order, returns apart', () => {
      expect(doc.purchases).toEqual({
        atMs: [Date.parse('2025-03-01T10:00:00.000Z'), Date.parse('2025-01-15T08:30:00.000Z')],
        amount: [150_000, 900],
        currency: ['TRY', 'EUR'],
      });
      expect(doc.returns).toEqual({
        atMs: [Date.parse('2025-03-05T12:00:00.000Z')],
        amount: [50_000],
        currency: ['TRY'],
      });
    });

    it('then the first and last purchase instants span the back-dated one', () => {
      expect(doc.firstPurchaseMs).toBe(Date.parse('2025-01-15T08:30:00.000Z'));
      expect(doc.lastPurchaseMs).toBe(Date.parse('2025-03-01T10:00:00.000Z'));
    });
  });

  describe('given a redelivered purchase', () => {
    it('then it is kept once', () => {
      const { events, doc } = given(purchased('2025-03-01T10:00:00.000Z', 1_000));

      expect(kpiCustomers.evolve(doc, events[0])).toBe(doc);
      expect(doc.purchases.atMs).toHaveLength(1);
    });
  });
});
