import type { Customer360, CurrencyTotals, PurchasesView } from './customer-360.document';
import type { CustomerEnvelopeOf } from './customer-envelope';
import { compareInstants } from './instant-order';
import { withChanges } from './document-copy';

/** The primary currency: the document's `netSpend` and the CLV are in it. */
export const PRIMARY_CURRENCY = 'TRY';

const NO_TOTALS: CurrencyTotals = { purchaseCount: 0, gross: 0, returned: 0, net: 0, averageOrderValue: 0 };

const totals = (purchaseCount: number, gross: number, returned: number): CurrencyTotals => {
  const net = gross - returned;
  return {
    purchaseCount,
    gross,
    returned,
    net,
    averageOrderValue: purchaseCount === 0 ? 0 : Math.floor(net / purchaseCount),
  };
};

/** Inserts an instant keeping ascending order (events may carry back-dated `occurredAt`). */
const insertSorted = (times: readonly string[], at: string): string[] => {
  // After the last instant not later than `at`: purchases mostly arrive in time order, so from the end.
  let index = times.length;
  while (index > 0 && compareInstants(times[index - 1], at) > 0) index--;
  const inserted = times.slice();
  inserted.splice(index, 0, at);
  return inserted;
};

const withPurchases = (doc: Customer360, purchases: PurchasesView): Customer360 =>
  withChanges(doc, {
    purchases,
    netSpend: purchases.byCurrency[PRIMARY_CURRENCY]?.net ?? 0,
    lastPurchaseAt: purchases.lastAt,
  });

export const applyPurchased = (doc: Customer360, event: CustomerEnvelopeOf<'Purchased'>): Customer360 => {
  const { amount, currency } = event.data.amount;
  const current = doc.purchases.byCurrency[currency] ?? NO_TOTALS;
  const times = insertSorted(doc.purchases.times, event.occurredAt);
  return withPurchases(doc, {
    ...doc.purchases,
    count: doc.purchases.count + 1,
    firstAt: times[0],
    lastAt: times[times.length - 1],
    byCurrency: {
      ...doc.purchases.byCurrency,
      [currency]: totals(current.purchaseCount + 1, current.gross + amount, current.returned),
    },
    times,
  });
};

/** A return lowers net spend in its own currency; it does not change the purchase count. */
export const applyPurchaseReturned = (
  doc: Customer360,
  event: CustomerEnvelopeOf<'PurchaseReturned'>,
): Customer360 => {
  const { amount, currency } = event.data.amount;
  const current = doc.purchases.byCurrency[currency] ?? NO_TOTALS;
  return withPurchases(doc, {
    ...doc.purchases,
    returnCount: doc.purchases.returnCount + 1,
    byCurrency: {
      ...doc.purchases.byCurrency,
      [currency]: totals(current.purchaseCount, current.gross, current.returned + amount),
    },
  });
};
