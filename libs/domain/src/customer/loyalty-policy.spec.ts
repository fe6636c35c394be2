import { DEFAULT_LOYALTY_POLICY, qualifyingSpend, type SpendEntry, timedSpendEntry } from './loyalty-policy';

const asOf = '2026-06-30T12:00:00Z';
const entries: SpendEntry[] = [
  { at: '2025-06-30T12:00:00Z', amount: 1_000, currency: 'TRY' },
  { at: '2025-06-30T12:00:00.001Z', amount: 200, currency: 'TRY' },
  { at: '2026-03-01T09:00:00+03:00', amount: 300, currency: 'TRY' },
  { at: '2026-03-01T09:00:00Z', amount: 999, currency: 'EUR' },
  { at: '2026-04-01T00:00:00Z', amount: -50, currency: 'TRY' },
  { at: '2026-06-30T12:00:00.001Z', amount: 7_000, currency: 'TRY' },
];

describe('qualifyingSpend', () => {
  it('sums loyalty-currency entries in (asOf − 365 days, asOf], whatever the offset of each instant', () => {
    expect(qualifyingSpend(entries, asOf, DEFAULT_LOYALTY_POLICY)).toBe(200 + 300 - 50);
  });

  it('gives the same sum for entries whose instant the decider state parsed once', () => {
    const timed = entries.map(timedSpendEntry);

    expect(timed[2].atMs).toBe(Date.parse('2026-03-01T06:00:00Z'));
    expect(qualifyingSpend(timed, asOf, DEFAULT_LOYALTY_POLICY)).toBe(200 + 300 - 50);
  });
});
