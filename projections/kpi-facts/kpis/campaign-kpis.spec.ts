import { DEFAULT_KPI_POLICY } from './kpi';
import { history, MARCH, TRY, valueOf } from '../kpi-facts.fixtures';
import { campaignKpis } from './campaign-kpis';
import { netNewRevenue } from './revenue';

const email = { campaignId: 'spring', channel: 'email' };

describe('campaign and revenue KPIs', () => {
  const h = history();
  for (const customer of ['c1', 'c2', 'c3', 'c4'])
    h.on(customer, 'CampaignSent', '2026-03-02T00:00:00Z', email);
  h.on('c1', 'CampaignOpened', '2026-03-02T01:00:00Z', email);
  h.on('c1', 'CampaignOpened', '2026-03-02T02:00:00Z', email);
  h.on('c2', 'CampaignOpened', '2026-03-03T00:00:00Z', email);
  h.on('c1', 'CampaignClicked', '2026-03-04T00:00:00Z', email);
  // c1 buys 6 days after the click (credited) and returns part of it; c2 buys without clicking.
  h.on('c1', 'Purchased', '2026-03-10T00:00:00Z', { purchaseId: 'p1', amount: TRY(60_000) });
  h.on('c1', 'PurchaseReturned', '2026-03-12T00:00:00Z', { purchaseId: 'p1', amount: TRY(10_000) });
  h.on('c2', 'Purchased', '2026-03-15T00:00:00Z', { purchaseId: 'p2', amount: TRY(50_000) });
  // c3 bought in February and returns in March: the return counts on its own date.
  h.on('c3', 'Purchased', '2026-02-15T00:00:00Z', { purchaseId: 'p3', amount: TRY(30_000) });
  h.on('c3', 'PurchaseReturned', '2026-03-05T00:00:00Z', { purchaseId: 'p3', amount: TRY(20_000) });
  const { facts } = h.input();
  const kpis = campaignKpis(facts, MARCH, DEFAULT_KPI_POLICY);

  it('then open rate = 2 distinct openers ÷ 4 delivered (repeated opens once) and click rate = 1 ÷ 4', () => {
    expect(valueOf(kpis, 'campaign_open_rate.spring')).toEqual({ value: 0.5, records: 4 });
    expect(valueOf(kpis, 'campaign_click_rate.spring')).toEqual({ value: 0.25, records: 4 });
    expect(valueOf(kpis, 'campaign_open_rate')).toEqual({ value: 0.5, records: 4 });
  });

  it('then net new revenue = 60 000 + 50 000 − 10 000 − 20 000 = 80 000 over 2 purchases and 2 returns', () => {
    expect(valueOf([netNewRevenue(facts, MARCH)], 'net_new_revenue')).toEqual({ value: 80_000, records: 4 });
  });

  it('then revenue impact = c1’s net 60 000 − 10 000 = 50 000 ÷ 80 000 = 0.625', () => {
    expect(valueOf(kpis, 'campaign_revenue_impact.spring')).toEqual({ value: 0.625, records: 1 });
  });

  it('then a purchase more than 7 days after the click is not credited', () => {
    const late = history();
    late.on('c1', 'CampaignSent', '2026-03-02T00:00:00Z', email);
    late.on('c1', 'CampaignClicked', '2026-03-02T00:00:00Z', email);
    late.on('c1', 'Purchased', '2026-03-09T00:00:01Z', { purchaseId: 'p1', amount: TRY(1_000) });
    const [impact] = campaignKpis(late.input().facts, MARCH, DEFAULT_KPI_POLICY).filter((kpi) =>
      kpi.key.startsWith('campaign_revenue_impact'),
    );
    expect([impact.value, impact.records]).toEqual([0, 0]);
  });

  describe('given clicks on a campaign delivered before the period', () => {
    // `winter` was sent to c1 and c2 on 02-20. c1 clicks on 03-05 and buys 30 000 on 03-08 (3 days
    // later); c2 clicks on 02-27 and buys 10 000 on 03-03 (4 days later); c3 buys 60 000 without a click.
    // Net new revenue of March = 30 000 + 10 000 + 60 000 = 100 000.
    const winter = { campaignId: 'winter', channel: 'email' };
    const old = history();
    old.on('c1', 'CampaignSent', '2026-02-20T00:00:00Z', winter);
    old.on('c2', 'CampaignSent', '2026-02-20T00:00:00Z', winter);
    old.on('c1', 'CampaignClicked', '2026-03-05T00:00:00Z', winter);
    old.on('c2', 'CampaignClicked', '2026-02-27T00:00:00Z', winter);
    old.on('c1', 'Purchased', '2026-03-08T00:00:00Z', { purchaseId: 'p1', amount: TRY(30_000) });
    old.on('c2', 'Purchased', '2026-03-03T00:00:00Z', { purchaseId: 'p2', amount: TRY(10_000) });
    old.on('c3', 'Purchased', '2026-03-20T00:00:00Z', { purchaseId: 'p3', amount: TRY(60_000) });
    const oldKpis = campaignKpis(old.input().facts, MARCH, DEFAULT_KPI_POLICY);

    it('then every click counts, whatever the delivery date: (30 000 + 10 000) ÷ 100 000 = 0.4', () => {
      expect(valueOf(oldKpis, 'campaign_revenue_impact.winter')).toEqual({ value: 0.4, records: 2 });
    });

    it('then its rates have no delivery in the period to divide by', () => {
      expect(valueOf(oldKpis, 'campaign_open_rate.winter')).toEqual({ value: null, records: 0 });
    });

    it('then a purchase is credited once, however many of its customer’s clicks precede it', () => {
      const twice = history();
      twice.on('c1', 'CampaignSent', '2026-03-01T00:00:00Z', winter);
      twice.on('c1', 'CampaignSent', '2026-03-01T00:00:00Z', { ...winter, channel: 'sms' });
      twice.on('c1', 'CampaignClicked', '2026-03-02T00:00:00Z', winter);
      twice.on('c1', 'CampaignClicked', '2026-03-02T00:00:00Z', { ...winter, channel: 'sms' });
      twice.on('c1', 'Purchased', '2026-03-03T00:00:00Z', { purchaseId: 'p1', amount: TRY(5_000) });
      // 5 000 ÷ 5 000 = 1, one credited purchase.
      expect(
        valueOf(
          campaignKpis(twice.input().facts, MARCH, DEFAULT_KPI_POLICY),
          'campaign_revenue_impact.winter',
        ),
      ).toEqual({ value: 1, records: 1 });
    });
  });
});
