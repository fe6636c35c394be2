import { DEFAULT_LOYALTY_POLICY, qualifyingSpend, type SpendEntry } from '@crm/domain';
import { measureSpend, type SpendPoint } from './spend-window';

const pointOf = (entry: SpendEntry): SpendPoint => [Date.parse(entry.at), entry.amount];

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

    const kept = entries.filter((entry) => entry.currency === 'TRY').map(pointOf);

    const window = measureSpend(kept, added, ASOF, DEFAULT_LOYALTY_POLICY);

    const start = Date.parse(ASOF) - 365 * DAY;
    expect(window.spend).toEqual(
      [...entries, added]
        .filter((entry) => entry.currency === 'TRY' && Date.parse(entry.at) > start)
        .map(pointOf),
    );
    expect(window.qualifyingSpend).toBe(qualifyingSpend([...entries, added], ASOF, DEFAULT_LOYALTY_POLICY));
  });

  it('keeps an entry exactly at the window start out, and one a millisecond after it in', () => {
    const at = (ms: number) => Date.parse(ASOF) - 365 * DAY + ms;
    const points: SpendPoint[] = [
      [at(0), 1],
      [at(1), 10],
    ];

    const window = measureSpend(points, null, ASOF, DEFAULT_LOYALTY_POLICY);

    expect(window).toEqual({ spend: [points[1]], qualifyingSpend: 10 });
  });

  it('leaves an added entry in another currency out, uncounted', () => {
    const window = measureSpend(
      [],
      { at: ASOF, amount: 5_000, currency: 'EUR' },
      ASOF,
      DEFAULT_LOYALTY_POLICY,
    );

    expect(window).toEqual({ spend: [], qualifyingSpend: 0 });
  });
});
