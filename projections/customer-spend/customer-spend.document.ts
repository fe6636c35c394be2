/**
 * One purchase, or one return, on its own date: `[atMs, amount, currency]`, the instant in epoch ms and
 * the amount (never negative) in minor units of its own currency. Triples rather than objects with ISO
 * instants: the lists are rewritten whole with the document on every purchase, and are read instant by
 * instant for every window (ADR 0035).
 */
export type SpendMovement = readonly [atMs: number, amount: number, currency: string];

/**
 * A customer's whole spend ledger, every currency, with the instants RFM and the 80/20 view need.
 * Ids, amounts and instants only: no personal data, so erasure keeps it (flagged).
 */
export interface CustomerSpendDocument {
  readonly [key: string]: unknown;
  readonly customerId: string;
  /** Every purchase, in event order. */
  readonly purchases: readonly SpendMovement[];
  /** Every return, in event order; each subtracts on its own date. */
  readonly returns: readonly SpendMovement[];
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
  purchases: [],
  returns: [],
  lastPurchaseAt: null,
  lastPurchaseMs: null,
  erased: false,
  listed: true,
  lastRevision: -1,
});
