import {
  DEFAULT_LOYALTY_POLICY,
  ledgerQualifyingSpend,
  qualifyingSpend,
  type SpendEntry,
} from './loyalty-policy';
import { EMPTY_SPEND_LEDGER, recordSpend } from './spend-ledger';

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

  it('gives the same sum for the same entries kept in a spend ledger', () => {
    const ledger = entries.reduce(
      (built, entry) => recordSpend(built, entry.currency, Date.parse(entry.at), entry.amount),
      EMPTY_SPEND_LEDGER,
    );

    expect(ledgerQualifyingSpend(ledger, asOf, DEFAULT_LOYALTY_POLICY)).toBe(200 + 300 - 50);
  });
});
