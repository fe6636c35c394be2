import { toEpochMs } from '@crm/domain';
import type { DeliveryFact, KpiFact, PurchaseFact } from '../kpi-fact';
import { atOrBefore, DAY_IN_MS, ratio, within, type Kpi, type KpiPolicy, type Period } from './kpi';
import { netOfReturns, netSpendIn, primaryPurchases } from './revenue';

const deliveredIn = (facts: readonly KpiFact[], period: Period): DeliveryFact[] =>
  facts.filter((fact): fact is DeliveryFact => fact.kind === 'delivery' && within(fact.sentAt, period));

const rates = (key: string, deliveries: readonly DeliveryFact[], period: Period, scope: string): Kpi[] => {
  const opened = deliveries.filter((delivery) => atOrBefore(delivery.openedAt, period.toMs)).length;
  const clicked = deliveries.filter((delivery) =>
    delivery.clicks.some((click) => atOrBefore(click, period.toMs)),
  ).length;
  const records = deliveries.length;
  return [
    {
      key: `campaign_open_rate${key}`,
      value: ratio(opened, records),
      unit: 'ratio',
      definition: `Distinct customers with CampaignOpened ÷ distinct customers with CampaignSent (delivered in the period), ${scope}; repeated opens count once.`,
      records,
    },
    {
      key: `campaign_click_rate${key}`,
      value: ratio(clicked, records),
      unit: 'ratio',
      definition: `Distinct customers with CampaignClicked ÷ distinct customers delivered in the period, ${scope}.`,
      records,
    },
  ];
};

const attributed = (
  delivery: DeliveryFact,
  purchases: readonly PurchaseFact[],
  period: Period,
  windowMs: number,
): PurchaseFact[] =>
  purchases.filter(
    (purchase) =>
      purchase.customerId === delivery.customerId &&
      within(purchase.at, period) &&
      delivery.clicks.some((click) => {
        const afterClick = toEpochMs(purchase.at ?? '') - toEpochMs(click);
        return afterClick > 0 && afterClick <= windowMs;
      }),
  );

const revenueImpact = (
  campaignId: string,
  deliveries: readonly DeliveryFact[],
  facts: readonly KpiFact[],
  period: Period,
  policy: KpiPolicy,
): Kpi => {
  const purchases = primaryPurchases(facts);
  const windowMs = policy.clickAttributionDays * DAY_IN_MS;
  const credited = deliveries.flatMap((delivery) => attributed(delivery, purchases, period, windowMs));
  const numerator = credited.reduce((sum, purchase) => sum + netOfReturns(purchase, period.toMs), 0);
  const denominator = netSpendIn(purchases, period).amount;
  return {
    key: `campaign_revenue_impact.${campaignId}`,
    value: denominator <= 0 ? null : ratio(numerator, denominator),
    unit: 'ratio',
    definition: `Net spend (TRY) of purchases in the period within ${policy.clickAttributionDays} days after a click on ${campaignId} ÷ all net spend (TRY) in the period.`,
    records: credited.length,
  };
};

/** RULES.md, Campaigns: rates per campaign and overall, and revenue impact per campaign. */
export const campaignKpis = (facts: readonly KpiFact[], period: Period, policy: KpiPolicy): Kpi[] => {
  const deliveries = deliveredIn(facts, period);
  const byCampaign = new Map<string, DeliveryFact[]>();
  for (const delivery of deliveries) {
    const campaignId = delivery.subject ?? '';
    byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), delivery]);
  }
  const campaigns = [...byCampaign].sort(([a], [b]) => a.localeCompare(b));
  return [
    ...rates('', deliveries, period, 'over every campaign × customer delivered'),
    ...campaigns.flatMap(([campaignId, ofCampaign]) => [
      ...rates(`.${campaignId}`, ofCampaign, period, `for campaign ${campaignId}`),
      revenueImpact(campaignId, ofCampaign, facts, period, policy),
    ]),
  ];
};
