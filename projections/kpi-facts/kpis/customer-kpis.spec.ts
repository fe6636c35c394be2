import { history, MARCH, TRY, valueOf } from '../kpi-facts.fixtures';
import { clvDistributionKpis } from './clv-distribution';
import { churnRateKpi } from './churn-rate';
import { DEFAULT_KPI_POLICY } from './kpi';
import { leadConversionKpis } from './lead-conversion';
import { optInGrowthKpi } from './opt-in-growth';

const email = { purpose: 'marketing', channel: 'email' };
const buy = (id: string, amount: number) => ({ purchaseId: id, amount: TRY(amount) });

describe('customer-level KPIs', () => {
  describe('lead conversion per cohort month', () => {
    const h = history();
    h.on('c1', 'CustomerRegistered', '2026-03-02T00:00:00Z', { stage: 'lead' });
    h.on('c1', 'StageAdvanced', '2026-03-10T00:00:00Z', { from: 'lead', to: 'customer' });
    h.on('c2', 'CustomerRegistered', '2026-03-03T00:00:00Z', { stage: 'lead' });
    h.on('c2', 'StageAdvanced', '2026-03-04T00:00:00Z', { from: 'lead', to: 'prospect' });
    h.on('c3', 'CustomerRegistered', '2026-03-04T00:00:00Z', { stage: 'lead' });
    h.on('c3', 'StageAdvanced', '2026-03-05T00:00:00Z', { from: 'lead', to: 'loyal' }); // skipping counts
    h.on('c4', 'CustomerRegistered', '2026-02-04T00:00:00Z', { stage: 'lead' }); // before the period

    it('then March converted c1 and c3 of 3 leads = 0.6667, and February is outside the period', () => {
      const kpis = leadConversionKpis(h.input().customers, MARCH, DEFAULT_KPI_POLICY);
      expect(kpis.map((kpi) => [kpi.key, kpi.value, kpi.records])).toEqual([
        ['lead_conversion.2026-03', 0.6667, 3],
      ]);
    });
  });

  describe('churn, opt-in growth and CLV', () => {
    const h = history();
    // c1 active at the start (bought 2025-03-10), nothing since: churned at 2026-03-10.
    h.on('c1', 'Purchased', '2025-03-10T00:00:00Z', buy('p1', 100_000));
    // c2 active at the start and bought again in time: not churned.
    h.on('c2', 'Purchased', '2025-03-20T00:00:00Z', buy('p2', 200_000));
    h.on('c2', 'Purchased', '2026-03-15T00:00:00Z', buy('p3', 100_000));
    // c3's last purchase is older than 365 days at the start: already churned, not active.
    h.on('c3', 'Purchased', '2024-12-01T00:00:00Z', buy('p4', 50_000));
    // Opt-ins: c1 and c2 held one at the start; c3 opts in, c1 withdraws, c2 is erased holding one.
    h.on('c1', 'ConsentGranted', '2025-01-01T00:00:00Z', email);
    h.on('c2', 'ConsentGranted', '2025-01-01T00:00:00Z', email);
    h.on('c3', 'ConsentGranted', '2026-03-02T00:00:00Z', email);
    h.on('c3', 'ConsentGranted', '2026-03-03T00:00:00Z', { purpose: 'marketing', channel: 'sms' });
    h.on('c1', 'ConsentWithdrawn', '2026-03-04T00:00:00Z', email);
    h.on('c2', 'CustomerErased', '2026-03-20T00:00:00Z', {});
    const { customers } = h.input();

    it('then churn rate = 1 churned ÷ 2 active at the start', () => {
      expect(valueOf([churnRateKpi(customers, MARCH, DEFAULT_KPI_POLICY)], 'churn_rate')).toEqual({
        value: 0.5,
        records: 2,
      });
    });

    it('then opt-in growth = (1 granted − 1 withdrawn − 1 erased holding one) ÷ 2 = −0.5', () => {
      expect(valueOf([optInGrowthKpi(customers, MARCH)], 'opt_in_list_growth')).toEqual({
        value: -0.5,
        records: 2,
      });
    });

    it('then CLV as of `to` = net × 0.3 × 3 ÷ max(1, years) over listed customers (erased c2 dropped)', () => {
      // c1: 100 000 × 0.9 ÷ (387 / 365 years) = ⌊90 000 × 365 / 387⌋ = 84 883
      // c3: 50 000 × 0.9 ÷ (486 / 365) = ⌊45 000 × 365 / 486⌋ = 33 796
      const kpis = clvDistributionKpis(customers, MARCH.toMs, DEFAULT_KPI_POLICY);
      expect(valueOf(kpis, 'clv_distribution.p50')).toEqual({ value: 33_796, records: 2 });
      expect(valueOf(kpis, 'clv_distribution.p90')).toEqual({ value: 84_883, records: 2 });
    });
  });
});
