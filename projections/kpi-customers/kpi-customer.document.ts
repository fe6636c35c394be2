import { type DatedAmounts, noDatedAmounts } from '@crm/domain';

export interface OptInChange {
  readonly at: string;
  readonly granted: boolean;
}

/**
 * What the customer-level KPIs need of one customer's history: lifecycle entry instants, the e-mail
 * marketing opt-in changes, erasure, and the purchase ledger. No personal data.
 */
export interface KpiCustomer {
  readonly [key: string]: unknown;
  readonly customerId: string;
  /** Registration: every customer enters the ladder as a lead. */
  readonly leadAt: string | null;
  /** The first time the customer reached `customer` or a later stage of the ladder. */
  readonly customerAt: string | null;
  readonly erasedAt: string | null;
  readonly emailOptIns: readonly OptInChange[];
  /** Every purchase as columns of instant (epoch ms), amount and currency, in event order (ADR 0035). */
  readonly purchases: DatedAmounts;
  /** Every return, the same way. */
  readonly returns: DatedAmounts;
  /** Queryable copies: cohorts by lead instant, ledgers by purchase span, lists by first opt-in. */
  readonly leadMs: number | null;
  readonly firstPurchaseMs: number | null;
  readonly lastPurchaseMs: number | null;
  readonly optInMs: number | null;
  readonly lastRevision: number;
  /** The global position of the last event applied: the KPI aggregates read the customers changed since a position. */
  readonly lastPosition: number;
}

export const emptyKpiCustomer = (customerId: string): KpiCustomer => ({
  customerId,
  leadAt: null,
  customerAt: null,
  erasedAt: null,
  emailOptIns: [],
  purchases: noDatedAmounts(),
  returns: noDatedAmounts(),
  leadMs: null,
  firstPurchaseMs: null,
  lastPurchaseMs: null,
  optInMs: null,
  lastRevision: -1,
  lastPosition: 0,
});
