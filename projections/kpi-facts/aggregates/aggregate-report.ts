import { OPEN_OPPORTUNITY_STAGES } from '@crm/domain';
import { campaignRateKpis, campaignScope, OVERALL_SCOPE, revenueImpactKpi } from '../kpis/campaign-kpis';
import { churnRateKpiOf } from '../kpis/churn-rate';
import { clvDistributionKpisOf } from '../kpis/clv-distribution';
import { DAY_IN_MS, PRIMARY_CURRENCY, type Kpi, type KpiPolicy, type Period } from '../kpis/kpi';
import { cohortMonth, leadConversionKpi } from '../kpis/lead-conversion';
import { optInGrowthKpiOf } from '../kpis/opt-in-growth';
import {
  averageCycleKpi,
  closeRateKpi,
  stageLossRateKpi,
  timeInStageKpi,
  weightedPipelineKpi,
} from '../kpis/pipeline-kpis';
import { netNewRevenueKpi, type NetSpend } from '../kpis/revenue';
import { serviceKpisOf } from '../kpis/service-kpis';
import { csatKpi, isDetractor, isPromoter, npsKpi } from '../kpis/survey-kpis';
import type { NpsAnswer } from './contribution';
import type { SeriesEntry } from './day-series';

/** What a report reads of the aggregates (`KpiAggregates`). */
export interface KpiSeries {
  readonly policy: KpiPolicy;
  sum(key: string, xAfter: number, xAtMost: number, yAtMost?: number): number[];
  entries(key: string, xAfter: number, xAtMost: number): Iterable<SeriesEntry>;
  answers(xAfter: number, xAtMost: number): Iterable<SeriesEntry<NpsAnswer>>;
  campaigns(): ReadonlySet<string>;
  currencies(): ReadonlySet<string>;
  clvValues(toMs: number): number[];
}

const BEFORE_ALL = Number.NEGATIVE_INFINITY;

const service = (series: KpiSeries, { fromMs, toMs }: Period): Kpi[] => {
  const [records, totalMs, firstContact, withinSla] = series.sum('resolved', fromMs, toMs);
  const times = [...series.entries('resolved', fromMs, toMs)].map((entry) => entry.values[1]);
  return serviceKpisOf({ records, totalMs, times, firstContact, withinSla });
};

/** The first instant of the UTC month after the one holding `ms`. */
const nextMonth = (ms: number): number => {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
};

/** One cohort per UTC month with leads in the period; a month cut by the period counts its part inside. */
const leadConversion = (series: KpiSeries, { fromMs, toMs }: Period): Kpi[] => {
  const kpis: Kpi[] = [];
  for (let monthStart = fromMs + 1; monthStart <= toMs; monthStart = nextMonth(monthStart)) {
    const lastOfMonth = Math.min(toMs, nextMonth(monthStart) - 1);
    const [leads, converted] = series.sum('lead', monthStart - 1, lastOfMonth, toMs);
    if (leads > 0) kpis.push(leadConversionKpi(cohortMonth(monthStart), leads, converted, series.policy));
  }
  return kpis;
};

const pipeline = (series: KpiSeries, { fromMs, toMs }: Period): Kpi[] => {
  const [closed, won, cycleMs] = series.sum('closed', fromMs, toMs);
  const others = [...series.currencies()].filter((currency) => currency !== PRIMARY_CURRENCY).sort();
  const weighted = [PRIMARY_CURRENCY, ...others].flatMap((currency) => {
    const [amount, open] = series.sum(`pipeline:${currency}`, BEFORE_ALL, toMs);
    return currency === PRIMARY_CURRENCY || open > 0 ? [weightedPipelineKpi(currency, amount, open)] : [];
  });
  return [
    closeRateKpi(closed, won),
    ...weighted,
    ...OPEN_OPPORTUNITY_STAGES.map((stage) =>
      stageLossRateKpi(
        stage,
        series.sum(`entered:${stage}`, fromMs, toMs)[0],
        series.sum(`lost:${stage}`, fromMs, toMs)[0],
      ),
    ),
    ...OPEN_OPPORTUNITY_STAGES.map((stage) => {
      const [stays, totalMs] = series.sum(`stay:${stage}`, fromMs, toMs);
      return timeInStageKpi(stage, stays, totalMs);
    }),
    averageCycleKpi(closed, cycleMs),
  ];
};

const netSpend = (series: KpiSeries, { fromMs, toMs }: Period): NetSpend => {
  const [records, amount] = series.sum('revenue', fromMs, toMs);
  return { records, amount };
};

/** Rates over campaigns delivered in the period; revenue impact also for those clicked shortly before. */
const campaigns = (series: KpiSeries, period: Period): Kpi[] => {
  const { fromMs, toMs } = period;
  const clicksAfterMs = fromMs - series.policy.clickAttributionDays * DAY_IN_MS;
  const spend = netSpend(series, period).amount;
  const overall = { delivered: 0, opened: 0, clicked: 0 };
  const perCampaign: Kpi[] = [];
  const listed = [...series.campaigns()].sort((a, b) => a.localeCompare(b));
  for (const campaignId of listed) {
    const counts = {
      delivered: series.sum(`sent:${campaignId}`, fromMs, toMs)[0],
      opened: series.sum(`opened:${campaignId}`, fromMs, toMs, toMs)[0],
      clicked: series.sum(`clicked:${campaignId}`, fromMs, toMs, toMs)[0],
    };
    overall.delivered += counts.delivered;
    overall.opened += counts.opened;
    overall.clicked += counts.clicked;
    if (counts.delivered === 0 && series.sum(`click:${campaignId}`, clicksAfterMs, toMs)[0] === 0) continue;
    const [credited, creditedSpend] = series.sum(`credit:${campaignId}`, fromMs, toMs, toMs);
    perCampaign.push(
      ...campaignRateKpis(`.${campaignId}`, campaignScope(campaignId), counts),
      revenueImpactKpi(campaignId, credited, creditedSpend, spend, series.policy),
    );
  }
  return [...campaignRateKpis('', OVERALL_SCOPE, overall), ...perCampaign];
};

/** NPS counts each customer's latest answer in the window; ties on the instant go to the greater fact id. */
const surveys = (series: KpiSeries, { toMs }: Period): Kpi[] => {
  const days = series.policy.surveyWindowDays;
  const windowStartMs = toMs - days * DAY_IN_MS;
  const latest = new Map<string | null, SeriesEntry<NpsAnswer>>();
  for (const answer of series.answers(windowStartMs, toMs)) {
    const current = latest.get(answer.detail.customerId);
    if (
      current === undefined ||
      answer.x > current.x ||
      (answer.x === current.x && answer.detail.factId > current.detail.factId)
    ) {
      latest.set(answer.detail.customerId, answer);
    }
  }
  const scores = [...latest.values()].map((answer) => answer.detail.score);
  const [answers, satisfied] = series.sum('csat', windowStartMs, toMs);
  return [
    npsKpi(scores.filter(isPromoter).length, scores.filter(isDetractor).length, scores.length, days),
    csatKpi(satisfied, answers, days),
  ];
};

const customers = (series: KpiSeries, period: Period): Kpi[] => {
  const { fromMs, toMs } = period;
  const [granted, withdrawn, erased] = series.sum('optInChange', fromMs, toMs);
  return [
    optInGrowthKpiOf(granted, withdrawn, erased, series.sum('optedIn', BEFORE_ALL, fromMs)[0]),
    churnRateKpiOf(
      series.sum('churned', fromMs, toMs, toMs)[0],
      series.sum('active', BEFORE_ALL, fromMs)[0],
      series.policy,
    ),
  ];
};

/** Every KPI of RULES.md for the period, in the order and with the definitions of `computeKpis`. */
export const aggregateReport = (series: KpiSeries, period: Period): Kpi[] => [
  ...service(series, period),
  ...leadConversion(series, period),
  ...pipeline(series, period),
  ...campaigns(series, period),
  ...surveys(series, period),
  ...customers(series, period),
  netNewRevenueKpi(netSpend(series, period)),
  ...clvDistributionKpisOf(series.clvValues(period.toMs), series.policy),
];
