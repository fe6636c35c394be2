import type { KpiFact, PurchaseFact } from '../kpi-fact';
import { atOrBefore, PRIMARY_CURRENCY, within, type Kpi, type Period } from './kpi';

export const primaryPurchases = (facts: readonly KpiFact[]): PurchaseFact[] =>
  facts.filter(
    (fact): fact is PurchaseFact =>
      fact.kind === 'purchase' && fact.at !== null && fact.currency === PRIMARY_CURRENCY,
  );

/** A purchase's amount less its returns recorded by `to`. */
export const netOfReturns = (purchase: PurchaseFact, toMs: number): number =>
  purchase.amount -
  purchase.returns
    .filter((entry) => atOrBefore(entry.at, toMs))
    .reduce((sum, entry) => sum + entry.amount, 0);

export interface NetSpend {
  readonly amount: number;
  /** Purchases plus returns that fell in the period. */
  readonly records: number;
}

/** Purchases in the period minus returns in the period (each on its own date), TRY only. */
export const netSpendIn = (purchases: readonly PurchaseFact[], period: Period): NetSpend => {
  const bought = purchases.filter((purchase) => within(purchase.at, period));
  const returned = purchases.flatMap((purchase) =>
    purchase.returns.filter((entry) => within(entry.at, period)),
  );
  return {
    amount:
      bought.reduce((sum, purchase) => sum + purchase.amount, 0) -
      returned.reduce((sum, entry) => sum + entry.amount, 0),
    records: bought.length + returned.length,
  };
};

export const netNewRevenueKpi = ({ amount, records }: NetSpend): Kpi => ({
  key: 'net_new_revenue',
  value: amount,
  unit: 'TRY minor units',
  definition:
    'Σ Purchased.amount in the period − Σ PurchaseReturned.amount in the period (a return counts on its own date), TRY only.',
  records,
});

/** Net new revenue: what the period added in TRY, purchases minus returns on their own dates. */
export const netNewRevenue = (facts: readonly KpiFact[], period: Period): Kpi =>
  netNewRevenueKpi(netSpendIn(primaryPurchases(facts), period));
