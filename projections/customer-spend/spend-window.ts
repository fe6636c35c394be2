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
  bought.atMs.forEach((ms, i) => {
    if (!inWindow(ms)) return;
    if (bought.currency[i] === currency) net += bought.amount[i];
    purchases += 1;
    lastPurchaseMs = lastPurchaseMs === null ? ms : Math.max(lastPurchaseMs, ms);
  });
  returns.atMs.forEach((ms, i) => {
    if (inWindow(ms) && returns.currency[i] === currency) net -= returns.amount[i];
  });
  return { purchases, lastPurchaseMs, net };
};
