import { paretoShare } from './pareto-share';
import { AS_OF, POPULATION, buy, giveBack, ledger } from './segments.fixtures';

describe('paretoShare', () => {
  describe('given the hand-made population as of 2026-01-01', () => {
    /*
     * Net TRY spend in (2025-01-01, 2026-01-01]: k 10,000,000 (erased, still counted), a 900,000,
     * b 800,000, i 300,000 (the EUR purchase is left out), g 100,000, f 50,000, h 20,000.
     * c only returned 100,000 in the window (no purchase there): not in it. d, e, j, l bought before it,
     * m after.
     * population 7 → top ceil(7 · 20 / 100) = ceil(1.4) = 2: k + a = 10,900,000.
     * total = 10,000,000 + 900,000 + 800,000 + 300,000 + 100,000 + 50,000 + 20,000 = 12,170,000.
     */
    const result = paretoShare(POPULATION, AS_OF);

    it('then the top 20% by net spend and their share are as worked out by hand', () => {
      expect(result).toEqual({
        asOf: AS_OF,
        windowDays: 365,
        currency: 'TRY',
        population: 7,
        topCount: 2,
        topPercent: 20,
        topNetSpend: 10_900_000,
        totalNetSpend: 12_170_000,
        share: 10_900_000 / 12_170_000,
        excludedCustomers: 0,
      });
    });
  });

  describe('given fifteen spenders', () => {
    it('then the top count is exactly 3 (15 · 20 / 100 in integers, not 3.0000000000000004)', () => {
      // Spends 1..15 × 1,000: top three 15k + 14k + 13k = 42k of 1k · (15·16/2) = 120k.
      const ledgers = Array.from({ length: 15 }, (_, i) => ledger(`s${i}`, [buy(10, (i + 1) * 1_000)]));
      expect(paretoShare(ledgers, AS_OF)).toMatchObject({
        population: 15,
        topCount: 3,
        topNetSpend: 42_000,
        totalNetSpend: 120_000,
        share: 0.35,
      });
    });
  });

  describe('given a purchase fully returned in the window', () => {
    it('then the customer nets zero and is left out, with nobody left the share is null', () => {
      const result = paretoShare([ledger('z', [buy(20, 5_000), giveBack(10, 5_000)])], AS_OF);
      expect(result).toMatchObject({
        population: 0,
        topCount: 0,
        totalNetSpend: 0,
        share: null,
        excludedCustomers: 1,
      });
    });
  });
});
