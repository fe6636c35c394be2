import { addDays, DEFAULT_LOYALTY_POLICY } from '@crm/domain';
import { emptyLoyaltyTier, type LoyaltyTierDocument, type SpendColumns } from '@crm/projections/loyalty-tier';
import { isDueForReview } from './tier-review-candidates';

const AS_OF = '2025-03-01T10:00:00.000Z';
const daysBefore = (days: number) => addDays(AS_OF, -days);
const gold = (overrides: Partial<LoyaltyTierDocument> = {}): LoyaltyTierDocument => ({
  ...emptyLoyaltyTier('c1'),
  tier: 'gold',
  asOf: daysBefore(100),
  ...overrides,
});
/** TRY spend at these instants: the loyalty-tier document's columns. */
const spendOf = (...entries: ReadonlyArray<readonly [at: string, amount: number]>): SpendColumns => ({
  atMs: entries.map(([at]) => Date.parse(at)),
  amount: entries.map(([, amount]) => amount),
});
const due = (doc: LoyaltyTierDocument) => isDueForReview(doc, AS_OF, DEFAULT_LOYALTY_POLICY);

describe('isDueForReview (gold threshold 1,500,000 kuruş, window (asOf − 365 days, asOf])', () => {
  it('is due when spend at asOf has fallen below the tier, although the stored spend has not', () => {
    // The stored qualifyingSpend was measured 100 days earlier; at asOf the 1,500,000 is 365 days old.
    const doc = gold({ qualifyingSpend: 1_500_000, spend: spendOf([daysBefore(365), 1_500_000]) });

    expect(due(doc)).toBe(true);
  });

  it('is not due while spend at asOf meets the tier', () => {
    // 1,000,000 + 600,000 − 100,000 = 1,500,000 ≥ 1,500,000.
    const spend = spendOf([daysBefore(364), 1_000_000], [daysBefore(10), 600_000], [daysBefore(5), -100_000]);

    expect(due(gold({ spend }))).toBe(false);
  });

  it('ignores spend after asOf', () => {
    expect(due(gold({ spend: spendOf([addDays(AS_OF, 1), 1_500_000]) }))).toBe(true);
  });

  it('is not due when a floor holds the customer at their tier', () => {
    expect(due(gold({ floor: 'gold' }))).toBe(false);
    expect(due(gold({ floor: 'platinum' }))).toBe(false);
  });

  it('is due when a floor lies below the tier', () => {
    expect(due(gold({ floor: 'silver' }))).toBe(true);
  });

  it('is due with a warning outstanding, whatever the spend, so the decider can downgrade or cancel', () => {
    const downgradeWarning = {
      tier: 'gold' as const,
      qualifyingSpend: 0,
      graceUntil: addDays(AS_OF, 10),
      warnedAt: daysBefore(20),
    };

    expect(due(gold({ downgradeWarning, spend: spendOf([daysBefore(1), 2_000_000]) }))).toBe(true);
    expect(due(gold({ downgradeWarning, floor: 'gold' }))).toBe(true);
  });
});
