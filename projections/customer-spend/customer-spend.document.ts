import { type DatedAmounts, noDatedAmounts } from '@crm/domain';

/**
 * A customer's whole spend ledger, every currency, with the instants RFM and the 80/20 view need.
 * Ids, amounts and instants only: no personal data, so erasure keeps it (flagged).
 */
export interface CustomerSpendDocument {
  readonly [key: string]: unknown;
  readonly customerId: string;
  /** Every purchase as columns of instant (epoch ms), amount and currency, in event order (ADR 0035). */
  readonly purchases: DatedAmounts;
  /** Every return, the same way; each subtracts its amount on its own date. */
  readonly returns: DatedAmounts;
  /** The latest purchase `occurredAt` (back-dated events never move it back); null before one. */
  readonly lastPurchaseAt: string | null;
  /** `lastPurchaseAt` in epoch ms: the queryable copy that bounds what a window query loads. */
  readonly lastPurchaseMs: number | null;
  readonly erased: boolean;
  /** False once erased: per-customer lists (RFM) leave the customer out. */
  readonly listed: boolean;
  /** The last stream revision applied; redeliveries at or below it are skipped. */
  readonly lastRevision: number;
}

export const emptyCustomerSpend = (customerId: string): CustomerSpendDocument => ({
  customerId,
  purchases: noDatedAmounts(),
  returns: noDatedAmounts(),
  lastPurchaseAt: null,
  lastPurchaseMs: null,
  erased: false,
  listed: true,
  lastRevision: -1,
});
