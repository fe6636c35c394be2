import { toEpochMs } from '@crm/domain';
import type { DeliveryFact, KpiFact, PurchaseFact } from '../kpi-fact';
import { atOrBefore, DAY_IN_MS, ratio, within, type Kpi, type KpiPolicy, type Period } from './kpi';
import { netOfReturns, netSpendIn, primaryPurchases } from './revenue';

const deliveredIn = (facts: readonly KpiFact[], period: Period): DeliveryFact[] =>
  facts.filter((fact): fact is DeliveryFact => fact.kind === 'delivery' && within(fact.sentAt, period));

const rates = (key: string, deliveries: readonly DeliveryFact[], period: Period, scope: string): Kpi[] =>
  campaignRateKpis(key, scope, {
    delivered: deliveries.length,
    opened: deliveries.filter((delivery) => atOrBefore(delivery.openedAt, period.toMs)).length,
    clicked: deliveries.filter((delivery) => delivery.clicks.some((click) => atOrBefore(click, period.toMs)))
      .length,
  });

/** Deliveries in the period, and those of them opened / clicked by `to`. */
export interface DeliveryCounts {
  readonly delivered: number;
  readonly opened: number;
  readonly clicked: number;
}

export const OVERALL_SCOPE = 'over every campaign × customer delivered';
export const campaignScope = (campaignId: string): string => `for campaign ${campaignId}`;

/** Open and click rates; `key` is '' overall or `.<campaign>`. */
export const campaignRateKpis = (
  key: string,
  scope: string,
  { delivered: records, opened, clicked }: DeliveryCounts,
): Kpi[] => [
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

/** Every click on the campaign by the customer, whatever the delivery it came from and whenever sent. */
const clicksOn = (campaignId: string, facts: readonly KpiFact[]): Map<string, string[]> => {
  const byCustomer = new Map<string, string[]>();
  for (const fact of facts) {
    if (fact.kind !== 'delivery' || fact.subject !== campaignId || fact.customerId === null) continue;
    byCustomer.set(fact.customerId, [...(byCustomer.get(fact.customerId) ?? []), ...fact.clicks]);
  }
  return byCustomer;
};

/** A purchase in the period made within the window after one of its customer's clicks on the campaign. */
const attributed = (
  clicks: ReadonlyMap<string, readonly string[]>,
  purchases: readonly PurchaseFact[],
  period: Period,
  windowMs: number,
): PurchaseFact[] =>
  purchases.filter(
    (purchase) =>
      purchase.customerId !== null &&
      within(purchase.at, period) &&
      (clicks.get(purchase.customerId) ?? []).some((click) => {
        const afterClick = toEpochMs(purchase.at ?? '') - toEpochMs(click);
        return afterClick > 0 && afterClick <= windowMs;
      }),
  );

const revenueImpact = (
  campaignId: string,
  facts: readonly KpiFact[],
  period: Period,
  policy: KpiPolicy,
): Kpi => {
  const purchases = primaryPurchases(facts);
  const windowMs = policy.clickAttributionDays * DAY_IN_MS;
  const credited = attributed(clicksOn(campaignId, facts), purchases, period, windowMs);
  const numerator = credited.reduce((sum, purchase) => sum + netOfReturns(purchase, period.toMs), 0);
  return revenueImpactKpi(
    campaignId,
    credited.length,
    numerator,
    netSpendIn(purchases, period).amount,
    policy,
  );
};

/** `credited` purchases with `numerator` net spend, of `netSpend` in the period. */
export const revenueImpactKpi = (
  campaignId: string,
  credited: number,
  numerator: number,
  netSpend: number,
  policy: KpiPolicy,
): Kpi => ({
  key: `campaign_revenue_impact.${campaignId}`,
  value: netSpend <= 0 ? null : ratio(numerator, netSpend),
  unit: 'ratio',
  definition: `Net spend (TRY) of purchases in the period within ${policy.clickAttributionDays} days after any click on ${campaignId}, whatever its delivery date, ÷ all net spend (TRY) in the period.`,
  records: credited,
});

/**
 * Campaigns with a click that can credit a purchase in the period: one in (from − window, to]. A click
 * later than `to` credits only purchases after the period.
 */
const clickedCampaigns = (facts: readonly KpiFact[], period: Period, policy: KpiPolicy): string[] => {
  const earliest = period.fromMs - policy.clickAttributionDays * DAY_IN_MS;
  const campaigns = new Set<string>();
  for (const fact of facts) {
    if (fact.kind !== 'delivery' || fact.subject === null) continue;
    if (fact.clicks.some((click) => toEpochMs(click) > earliest && toEpochMs(click) <= period.toMs)) {
      campaigns.add(fact.subject);
    }
  }
  return [...campaigns];
};

/** RULES.md, Campaigns: rates per campaign and overall, and revenue impact per campaign. */
export const campaignKpis = (facts: readonly KpiFact[], period: Period, policy: KpiPolicy): Kpi[] => {
  const deliveries = deliveredIn(facts, period);
  const byCampaign = new Map<string, DeliveryFact[]>();
  for (const delivery of deliveries) {
    const campaignId = delivery.subject ?? '';
    byCampaign.set(campaignId, [...(byCampaign.get(campaignId) ?? []), delivery]);
  }
  const campaigns = [...new Set([...byCampaign.keys(), ...clickedCampaigns(facts, period, policy)])].sort(
    (a, b) => a.localeCompare(b),
  );
  return [
    ...rates('', deliveries, period, OVERALL_SCOPE),
    ...campaigns.flatMap((campaignId) => [
      ...rates(`.${campaignId}`, byCampaign.get(campaignId) ?? [], period, campaignScope(campaignId)),
      revenueImpact(campaignId, facts, period, policy),
    ]),
  ];
};
