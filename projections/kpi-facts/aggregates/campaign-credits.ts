import { toEpochMs } from '@crm/domain';
import type { DeliveryFact, PurchaseFact } from '../kpi-fact';
import { DAY_IN_MS, type KpiPolicy } from '../kpis/kpi';
import { contribution, type Contribution } from './contribution';
import { isPrimaryPurchase } from './fact-contributions';

/**
 * Revenue impact per campaign for one customer: a TRY purchase is credited to a campaign the customer
 * clicked (any delivery) in the attribution window before it, whatever the period. Counted at the purchase
 * instant with its amount; each return subtracts from the purchase's period once it happened (y).
 */
export const campaignCredits = (
  purchases: Iterable<PurchaseFact>,
  deliveries: Iterable<DeliveryFact>,
  policy: KpiPolicy,
): Contribution[] => {
  const windowMs = policy.clickAttributionDays * DAY_IN_MS;
  const clicksByCampaign = new Map<string, number[]>();
  for (const delivery of deliveries) {
    if (delivery.subject === null || delivery.clicks.length === 0) continue;
    const clicks = clicksByCampaign.get(delivery.subject) ?? [];
    clicks.push(...delivery.clicks.map(toEpochMs));
    clicksByCampaign.set(delivery.subject, clicks);
  }
  const credits: Contribution[] = [];
  for (const purchase of purchases) {
    if (!isPrimaryPurchase(purchase)) continue;
    const purchaseMs = toEpochMs(purchase.at);
    for (const [campaignId, clicks] of clicksByCampaign) {
      if (!clicks.some((click) => purchaseMs - click > 0 && purchaseMs - click <= windowMs)) continue;
      const key = `credit:${campaignId}`;
      credits.push(contribution(key, purchaseMs, [1, purchase.amount]));
      for (const entry of purchase.returns) {
        const returnMs = toEpochMs(entry.at);
        credits.push(contribution(key, purchaseMs, [0, -entry.amount], Math.max(purchaseMs, returnMs)));
      }
    }
  }
  return credits;
};
