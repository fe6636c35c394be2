import {
  EMPTY_SPEND_LEDGER,
  recordSpend,
  spendColumns,
  type SpendLedger,
  spendSeriesOf,
  spendWithin,
} from './spend-ledger';

const ms = (instant: string): number => Date.parse(instant);

const ledgerOf = (movements: ReadonlyArray<readonly [string, string, number]>): SpendLedger =>
  movements.reduce(
    (ledger, [currency, at, amount]) => recordSpend(ledger, currency, ms(at), amount),
    EMPTY_SPEND_LEDGER,
  );

describe('SpendLedger', () => {
  describe('given movements recorded in time order', () => {
    const ledger = ledgerOf([
      ['TRY', '2026-01-01T00:00:00Z', 1_000],
      ['TRY', '2026-02-01T00:00:00Z', 200],
      ['EUR', '2026-02-15T00:00:00Z', 999],
      ['TRY', '2026-03-01T00:00:00Z', -50],
    ]);

    it('sums the movements of one currency in (after, until]', () => {
      expect(spendWithin(ledger, 'TRY', ms('2026-01-01T00:00:00Z'), ms('2026-03-01T00:00:00Z'))).toBe(150);
      expect(spendWithin(ledger, 'TRY', ms('2025-12-31T23:59:59.999Z'), ms('2026-02-28T00:00:00Z'))).toBe(
        1_200,
      );
      expect(spendWithin(ledger, 'EUR', 0, ms('2027-01-01T00:00:00Z'))).toBe(999);
    });

    it('answers 0 for a currency never spent in and for an empty window', () => {
      expect(spendWithin(ledger, 'USD', 0, ms('2027-01-01T00:00:00Z'))).toBe(0);
      expect(spendWithin(ledger, 'TRY', ms('2026-02-01T00:00:00Z'), ms('2026-02-01T00:00:00Z'))).toBe(0);
      expect(spendWithin(EMPTY_SPEND_LEDGER, 'TRY', 0, ms('2027-01-01T00:00:00Z'))).toBe(0);
    });
  });

  describe('when a back-dated movement is recorded', () => {
    const before = ledgerOf([
      ['TRY', '2026-01-01T00:00:00Z', 1_000],
      ['TRY', '2026-03-01T00:00:00Z', 300],
    ]);
    const after = recordSpend(before, 'TRY', ms('2026-02-01T00:00:00Z'), 20);

    it('then it counts in windows that hold its own instant, and the later totals move with it', () => {
      expect(spendWithin(after, 'TRY', ms('2026-01-15T00:00:00Z'), ms('2026-02-15T00:00:00Z'))).toBe(20);
      expect(spendWithin(after, 'TRY', ms('2026-02-15T00:00:00Z'), ms('2026-03-15T00:00:00Z'))).toBe(300);
      expect(spendWithin(after, 'TRY', 0, ms('2026-03-15T00:00:00Z'))).toBe(1_320);
    });

    it('then the ledger it was recorded on is unchanged', () => {
      expect(spendWithin(before, 'TRY', 0, ms('2026-03-15T00:00:00Z'))).toBe(1_300);
      expect(spendWithin(before, 'TRY', ms('2026-01-15T00:00:00Z'), ms('2026-02-15T00:00:00Z'))).toBe(0);
    });
  });

  it('gives every window the sum of a pass over the movements, whatever order they were recorded in', () => {
    let seed = 7;
    const next = (bound: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % bound;
    };
    const day = 86_400_000;
    // Enough movements to fill and split many chunks, back-dated ones among them.
    const movements = Array.from({ length: 300 }, () => ({
      currency: next(5) === 0 ? 'EUR' : 'TRY',
      atMs: next(60) * day,
      amount: next(10_000) - 2_000,
    }));
    const ledger = movements.reduce(
      (built, { currency, atMs, amount }) => recordSpend(built, currency, atMs, amount),
      EMPTY_SPEND_LEDGER,
    );

    for (let probe = 0; probe < 200; probe++) {
      const after = (next(62) - 1) * day + (next(2) === 0 ? 0 : day / 2);
      const until = after + next(30) * day;
      const expected = movements
        .filter((m) => m.currency === 'TRY' && m.atMs > after && m.atMs <= until)
        .reduce((sum, m) => sum + m.amount, 0);
      expect(spendWithin(ledger, 'TRY', after, until)).toBe(expected);
    }
  });

  describe('given a series rebuilt from its columns as typed arrays (a decoded snapshot)', () => {
    const day = 86_400_000;
    const movements = Array.from({ length: 200 }, (_, i) => [i * day, 100 + i] as const);
    const folded = movements.reduce(
      (built, [atMs, amount]) => recordSpend(built, 'TRY', atMs, amount),
      EMPTY_SPEND_LEDGER,
    );
    const { sizes, atMs, totals } = spendColumns(folded.TRY);
    const decoded: SpendLedger = {
      TRY: spendSeriesOf({ sizes, atMs: Float64Array.from(atMs), totals: Float64Array.from(totals) }),
    };

    it('when movements are recorded on it, back-dated ones among them, then every window sums as on the folded one', () => {
      const later: [number, number][] = [
        [3.5 * day, 7],
        [250 * day, 40],
        [0, -30],
        [120 * day, 5],
      ];
      const record = (ledger: SpendLedger) =>
        later.reduce((built, [at, amount]) => recordSpend(built, 'TRY', at, amount), ledger);
      const [fromFolded, fromDecoded] = [record(folded), record(decoded)];

      for (let after = -day; after < 260 * day; after += 7.5 * day) {
        for (const span of [day, 30 * day, 365 * day]) {
          expect(spendWithin(fromDecoded, 'TRY', after, after + span)).toBe(
            spendWithin(fromFolded, 'TRY', after, after + span),
          );
        }
      }
      expect(spendColumns(fromDecoded.TRY)).toEqual(spendColumns(fromFolded.TRY));
    });
  });
});
