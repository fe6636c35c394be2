import { rfmScores } from './rfm-scores';
import { segmentOf } from './rfm-segment';
import { AS_OF, POPULATION, buy, ledger } from './segments.fixtures';

/*
 * Ten scored customers, so score = 1 + floor(5 · below / 10) = 1 + floor(below / 2), where `below` counts
 * the customers strictly worse (for R: strictly more days since the last purchase).
 *
 * R days ascending f0 a1 b3 h30 g100 i200 c400 d500 e600 j700; worse-than counts 9 8 7 6 5 4 3 2 1 0
 *   → f5 a5 b4 h4 g3 i3 c2 d2 e1 j1.
 * F: the five 1s (e f g h j) have 0 below → 1 (a tie spanning quintiles 1–3 takes the lowest);
 *   the two 2s (d i) have 5 below → 3; b6 has 7 → 4; c7 has 8 → 5; a8 has 9 → 5.
 * M ascending e10k h20k j30k f50k g100k d200k i300k c700k b800k a900k, below 0…9
 *   → e1 h1 j2 f2 g3 d3 i4 c4 b5 a5.
 */
const EXPECTED = {
  a: { recencyDays: 1, frequency: 8, monetary: 900_000, r: 5, f: 5, m: 5, segment: 'champions' },
  b: { recencyDays: 3, frequency: 6, monetary: 800_000, r: 4, f: 4, m: 5, segment: 'champions' },
  c: { recencyDays: 400, frequency: 7, monetary: 700_000, r: 2, f: 5, m: 4, segment: 'loyal' },
  d: { recencyDays: 500, frequency: 2, monetary: 200_000, r: 2, f: 3, m: 3, segment: 'at_risk' },
  e: { recencyDays: 600, frequency: 1, monetary: 10_000, r: 1, f: 1, m: 1, segment: 'hibernating' },
  f: { recencyDays: 0, frequency: 1, monetary: 50_000, r: 5, f: 1, m: 2, segment: 'new' },
  g: { recencyDays: 100, frequency: 1, monetary: 100_000, r: 3, f: 1, m: 3, segment: 'potential' },
  h: { recencyDays: 30, frequency: 1, monetary: 20_000, r: 4, f: 1, m: 1, segment: 'new' },
  i: { recencyDays: 200, frequency: 2, monetary: 300_000, r: 3, f: 3, m: 4, segment: 'potential' },
  j: { recencyDays: 700, frequency: 1, monetary: 30_000, r: 1, f: 1, m: 2, segment: 'hibernating' },
};

describe('rfmScores', () => {
  describe('given the hand-made population as of 2026-01-01', () => {
    const result = rfmScores(POPULATION, AS_OF);

    it('then only listed customers with a purchase in (asOf − 730 days, asOf] are scored', () => {
      // k is erased, l bought 731 days ago, m after asOf.
      expect(result.population).toBe(10);
      expect(result.customers.map((customer) => customer.customerId)).toEqual(Object.keys(EXPECTED));
    });

    it('then R, F, M and their quintile scores and segments are as worked out by hand', () => {
      const scored = result.customers.map(
        ({ customerId, recencyDays, frequency, monetary, r, f, m, segment }) => [
          customerId,
          { recencyDays, frequency, monetary, r, f, m, segment },
        ],
      );
      expect(Object.fromEntries(scored)).toEqual(EXPECTED);
    });

    it('then the summary counts each segment', () => {
      expect(result.segments).toEqual({
        champions: 2,
        loyal: 1,
        at_risk: 1,
        hibernating: 2,
        new: 2,
        potential: 2,
      });
      expect(result).toMatchObject({ asOf: AS_OF, windowDays: 730, currency: 'TRY' });
    });

    it('then the last purchase is the latest one inside the window', () => {
      const a = result.customers.find((customer) => customer.customerId === 'a');
      expect(a?.lastPurchaseAt).toBe('2025-12-30T19:00:00.000Z'); // 1 day 5 hours before asOf
    });
  });

  describe('given an earlier asOf', () => {
    it('then later purchases do not count', () => {
      // As of 2025-12-31, f (bought at 2026-01-01) and m are out; nothing else changes population.
      expect(rfmScores(POPULATION, '2025-12-31T00:00:00.000Z').population).toBe(9);
    });
  });

  describe('given a policy with a shorter window', () => {
    it('then the window follows the policy', () => {
      const policy = { rfmWindowDays: 10, paretoWindowDays: 365, paretoTopPercent: 20, currency: 'TRY' };
      // Purchases within 10 days: a (1 day), b (3), f (0) → three customers.
      expect(rfmScores(POPULATION, AS_OF, policy).population).toBe(3);
    });
  });

  describe('given nobody bought in the window', () => {
    it('then the population is empty and every segment is zero', () => {
      const result = rfmScores([ledger('z', [buy(900, 1_000)])], AS_OF);
      expect(result.population).toBe(0);
      expect(result.customers).toEqual([]);
      expect(Object.values(result.segments)).toEqual([0, 0, 0, 0, 0, 0]);
    });
  });
});

describe('segmentOf (first match wins)', () => {
  it.each([
    [{ r: 4, f: 4, m: 4 }, 'champions'],
    [{ r: 5, f: 4, m: 3 }, 'loyal'],
    [{ r: 1, f: 5, m: 5 }, 'loyal'],
    [{ r: 2, f: 3, m: 1 }, 'at_risk'],
    [{ r: 2, f: 1, m: 3 }, 'at_risk'],
    [{ r: 2, f: 2, m: 2 }, 'hibernating'],
    [{ r: 4, f: 1, m: 5 }, 'new'],
    [{ r: 3, f: 1, m: 1 }, 'potential'],
    [{ r: 5, f: 2, m: 5 }, 'potential'],
  ] as const)('given %o then %s', (scores, segment) => {
    expect(segmentOf(scores)).toBe(segment);
  });
});
