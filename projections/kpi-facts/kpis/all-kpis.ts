import type { KpiCustomer } from '../../kpi-customers';
import type { KpiFact } from '../kpi-fact';
import { campaignKpis } from './campaign-kpis';
import { churnRateKpi } from './churn-rate';
import { clvDistributionKpis } from './clv-distribution';
import { DEFAULT_KPI_POLICY, type Kpi, type KpiPolicy, type Period } from './kpi';
import { leadConversionKpis } from './lead-conversion';
import { optInGrowthKpi } from './opt-in-growth';
import { pipelineKpis } from './pipeline-kpis';
import { netNewRevenue } from './revenue';
import { serviceKpis } from './service-kpis';
import { surveyKpis } from './survey-kpis';

/** What the KPIs read: facts and customer ledgers; each family picks its kind and period itself. */
export interface KpiInput {
  readonly facts: readonly KpiFact[];
  readonly customers: readonly KpiCustomer[];
}

/** Every KPI of RULES.md for the period (from, to]. */
export const computeKpis = (
  { facts, customers }: KpiInput,
  period: Period,
  policy: KpiPolicy = DEFAULT_KPI_POLICY,
): Kpi[] => [
  ...serviceKpis(facts, period),
  ...leadConversionKpis(customers, period, policy),
  ...pipelineKpis(facts, period),
  ...campaignKpis(facts, period, policy),
  ...surveyKpis(facts, period, policy),
  optInGrowthKpi(customers, period),
  churnRateKpi(customers, period, policy),
  netNewRevenue(facts, period),
  ...clvDistributionKpis(customers, period.toMs, policy),
];
