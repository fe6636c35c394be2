import { DEFAULT_LOYALTY_POLICY, qualifyingSpend, type SpendEntry } from '@crm/domain';
import { measureSpend, noSpend, type SpendColumns } from './spend-window';

const columnsOf = (entries: readonly SpendEntry[]): SpendColumns => ({
  atMs: entries.map((entry) => Date.parse(entry.at)),
  amount: entries.map((entry) => entry.amount),
});

const DAY = 86_400_000;
const ASOF = '2026-06-30T12:00:00.000Z';

describe('measureSpend', () => {
  it('keeps the loyalty-currency entries after the window start, and measures them as the domain does', () => {
    let seed = 11;
    const next = (bound: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % bound;
    };
    const entries: SpendEntry[] = Array.from({ length: 400 }, () => ({
      at: new Date(Date.parse(ASOF) - next(400) * DAY - next(DAY)).toISOString(),
      amount: next(50_000) - 5_000,
      currency: next(6) === 0 ? 'EUR' : 'TRY',
    }));
    const added: SpendEntry = { at: ASOF, amount: 1_234, currency: 'TRY' };

    const kept = columnsOf(entries.filter((entry) => entry.currency === 'TRY'));

    const window = measureSpend(kept, added, ASOF, DEFAULT_LOYALTY_POLICY);

    const start = Date.parse(ASOF) - 365 * DAY;
    expect(window.spend).toEqual(
      columnsOf(
        [...entries, added].filter((entry) => entry.currency === 'TRY' && Date.parse(entry.at) > start),
      ),
    );
    expect(window.qualifyingSpend).toBe(qualifyingSpend([...entries, added], ASOF, DEFAULT_LOYALTY_POLICY));
  });

  it('keeps an entry exactly at the window start out, and one a millisecond after it in', () => {
    const at = (ms: number) => Date.parse(ASOF) - 365 * DAY + ms;
    const window = measureSpend(
      { atMs: [at(0), at(1)], amount: [1, 10] },
      null,
      ASOF,
      DEFAULT_LOYALTY_POLICY,
    );

    expect(window).toEqual({ spend: { atMs: [at(1)], amount: [10] }, qualifyingSpend: 10 });
  });

  it('leaves an added entry in another currency out, uncounted', () => {
    const window = measureSpend(
      noSpend(),
      { at: ASOF, amount: 5_000, currency: 'EUR' },
      ASOF,
      DEFAULT_LOYALTY_POLICY,
    );

    expect(window).toEqual({ spend: noSpend(), qualifyingSpend: 0 });
  });
});
