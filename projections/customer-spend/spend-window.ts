import { DAY_IN_MS, toEpochMs } from '@crm/domain';
import type { CustomerSpendDocument } from './customer-spend.document';

/** What the segment functions read of a customer-spend document. */
export type SpendLedger = Pick<CustomerSpendDocument, 'customerId' | 'ledger' | 'listed'>;

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
  { ledger }: SpendLedger,
  asOfMs: number,
  days: number,
  currency: string,
): WindowedSpend => {
  const startMs = windowStartMs(asOfMs, days);
  let purchases = 0;
  let lastPurchaseMs: number | null = null;
  let net = 0;
  for (const movement of ledger) {
    const ms = toEpochMs(movement.at);
    if (ms <= startMs || ms > asOfMs) continue;
    if (movement.currency === currency) net += movement.amount;
    if (movement.kind === 'purchase') {
      purchases += 1;
      lastPurchaseMs = lastPurchaseMs === null ? ms : Math.max(lastPurchaseMs, ms);
    }
  }
  return { purchases, lastPurchaseMs, net };
};
