import { DAY_IN_MS } from '@crm/domain';
import type { CustomerSpendDocument } from './customer-spend.document';

/** What the segment functions read of a customer-spend document. */
export type SpendLedger = Pick<CustomerSpendDocument, 'customerId' | 'purchases' | 'returns' | 'listed'>;

/** One customer's movements in (asOf − days, asOf]. */
export interface WindowedSpend {
  readonly purchases: number;
  /** The latest purchase in the window, epoch ms; null without one. */
  readonly lastPurchaseMs: number | null;
  /** Purchases minus returns in `currency`, minor units. */
  readonly net: number;
}

export const windowStartMs = (asOfMs: number, days: number): number => asOfMs - days * DAY_IN_MS;

export const spendInWindow = (
  { purchases: bought, returns }: SpendLedger,
  asOfMs: number,
  days: number,
  currency: string,
): WindowedSpend => {
  const startMs = windowStartMs(asOfMs, days);
  let purchases = 0;
  let lastPurchaseMs: number | null = null;
  let net = 0;
  const inWindow = (ms: number): boolean => ms > startMs && ms <= asOfMs;
  for (const [ms, amount, paidIn] of bought) {
    if (!inWindow(ms)) continue;
    if (paidIn === currency) net += amount;
    purchases += 1;
    lastPurchaseMs = lastPurchaseMs === null ? ms : Math.max(lastPurchaseMs, ms);
  }
  for (const [ms, amount, paidIn] of returns) {
    if (inWindow(ms) && paidIn === currency) net -= amount;
  }
  return { purchases, lastPurchaseMs, net };
};
