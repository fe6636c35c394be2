import { DAY_IN_MS, toEpochMs } from '@crm/domain';
import type { ClvView, Customer360 } from './customer-360.document';
import { PRIMARY_CURRENCY } from './purchases';

/** RULES.md, Customer lifetime value; margin in whole percent so the arithmetic stays exact. */
export interface ClvPolicy {
  readonly marginPercent: number;
  readonly lifespanYears: number;
}

export const DEFAULT_CLV_POLICY: ClvPolicy = { marginPercent: 30, lifespanYears: 3 };

/** A year for "years between first purchase and T" is 365 days. */
export const YEAR_IN_MS = 365 * DAY_IN_MS;

/**
 * CLV = average order value × purchases per year × margin × lifespan, with
 * purchases per year = purchases ÷ max(1, years between the first purchase and T), in TRY only.
 * Average order value × purchases = net TRY spend, so
 * CLV = net × margin × lifespan ÷ max(1, years), computed in integers (BigInt) and rounded down.
 */
export const historicalClv = (
  doc: Customer360,
  asOf: string | null,
  policy: ClvPolicy = DEFAULT_CLV_POLICY,
): ClvView | null => {
  const totals = doc.purchases.byCurrency[PRIMARY_CURRENCY];
  const firstAt = doc.purchases.firstAt;
  if (totals === undefined || totals.purchaseCount === 0 || firstAt === null || asOf === null) {
    return null;
  }
  const spanMs = Math.max(0, toEpochMs(asOf) - toEpochMs(firstAt));
  const net = BigInt(Math.max(0, totals.net));
  const numerator = net * BigInt(policy.marginPercent) * BigInt(policy.lifespanYears) * BigInt(YEAR_IN_MS);
  const denominator = 100n * BigInt(Math.max(YEAR_IN_MS, spanMs));
  return { amount: Number(numerator / denominator), currency: PRIMARY_CURRENCY, asOf };
};
