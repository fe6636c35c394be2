import { OPEN_OPPORTUNITY_STAGES, toEpochMs, type OpenOpportunityStage } from '@crm/domain';
import type { KpiFact, OpportunityFact, OpportunityStageEntry } from '../kpi-fact';
import {
  atOrBefore,
  between,
  DAY_IN_MS,
  meanOfTotal,
  PRIMARY_CURRENCY,
  ratio,
  within,
  type Kpi,
  type Period,
} from './kpi';

const opportunitiesOf = (facts: readonly KpiFact[]): OpportunityFact[] =>
  facts.filter((fact): fact is OpportunityFact => fact.kind === 'opportunity' && fact.openedAt !== null);

export const closeRateKpi = (closed: number, won: number): Kpi => ({
  key: 'close_rate',
  value: ratio(won, closed),
  unit: 'ratio',
  definition: 'Won ÷ (won + lost), over opportunities closed in the period.',
  records: closed,
});

export const averageCycleKpi = (closed: number, totalMs: number): Kpi => ({
  key: 'average_opportunity_cycle',
  value: meanOfTotal(totalMs, closed, DAY_IN_MS),
  unit: 'days',
  definition: 'Average of closed − opened (won or lost), over opportunities closed in the period.',
  records: closed,
});

/** Opened → won or lost. */
export const cycleMs = (deal: OpportunityFact): number => between(deal.openedAt ?? '', deal.closedAt ?? '');

/** The stage entry in force at `ms`, for a deal opened by then and not closed by then. */
export const openEntryAt = (deal: OpportunityFact, ms: number): OpportunityStageEntry | null => {
  if (!atOrBefore(deal.openedAt, ms) || atOrBefore(deal.closedAt, ms)) {
    return null;
  }
  return deal.stages.filter((entry) => toEpochMs(entry.at) <= ms).at(-1) ?? null;
};

/** Σ amount × probability is summed exactly and rounded down once, like the pipeline summary. */
const weightedPipeline = (deals: readonly OpportunityFact[], period: Period): Kpi[] => {
  const totals = new Map<string, { weighted: number; records: number }>([
    [PRIMARY_CURRENCY, { weighted: 0, records: 0 }],
  ]);
  for (const deal of deals) {
    const entry = openEntryAt(deal, period.toMs);
    if (entry !== null && deal.currency !== null) {
      const total = totals.get(deal.currency) ?? { weighted: 0, records: 0 };
      totals.set(deal.currency, {
        weighted: total.weighted + deal.amount * entry.probability,
        records: total.records + 1,
      });
    }
  }
  return [...totals].map(([currency, { weighted, records }]) =>
    weightedPipelineKpi(currency, weighted, records),
  );
};

/** `weighted` is Σ amount × probability in percent, exact; it is rounded down once. */
export const weightedPipelineKpi = (currency: string, weighted: number, records: number): Kpi => ({
  key: `weighted_pipeline.${currency}`,
  value: Math.floor(weighted / 100),
  unit: `${currency} minor units` as const,
  definition: `Σ amount × probability of the stage held at \`to\`, over opportunities open at \`to\`, in ${currency} minor units.`,
  records,
});

const stageLossRate = (
  deals: readonly OpportunityFact[],
  stage: OpenOpportunityStage,
  period: Period,
): Kpi => {
  const entered = deals.filter((deal) =>
    deal.stages.some((entry) => entry.stage === stage && within(entry.at, period)),
  );
  const lost = entered.filter(
    (deal) =>
      deal.outcome === 'lost' &&
      deal.stages.at(-1)?.stage === stage &&
      atOrBefore(deal.closedAt, period.toMs),
  );
  return stageLossRateKpi(stage, entered.length, lost.length);
};

export const stageLossRateKpi = (stage: OpenOpportunityStage, entered: number, lost: number): Kpi => ({
  key: `stage_loss_rate.${stage}`,
  value: ratio(lost, entered),
  unit: 'ratio',
  definition: `Opportunities lost while at ${stage} ÷ opportunities that entered ${stage} in the period.`,
  records: entered,
});

/** A stay ends when the next stage is entered or the deal closes. */
const staysEndedIn = (
  deals: readonly OpportunityFact[],
  stage: OpenOpportunityStage,
  period: Period,
): number[] =>
  deals.flatMap((deal) =>
    deal.stages.flatMap((entry, index) => {
      const end = deal.stages[index + 1]?.at ?? deal.closedAt;
      return entry.stage === stage && within(end, period) ? [between(entry.at, end ?? '')] : [];
    }),
  );

const timeInStage = (deals: readonly OpportunityFact[], stage: OpenOpportunityStage, period: Period): Kpi => {
  const stays = staysEndedIn(deals, stage, period);
  return timeInStageKpi(
    stage,
    stays.length,
    stays.reduce((sum, stay) => sum + stay, 0),
  );
};

export const timeInStageKpi = (stage: OpenOpportunityStage, stays: number, totalMs: number): Kpi => ({
  key: `average_time_in_stage.${stage}`,
  value: meanOfTotal(totalMs, stays, DAY_IN_MS),
  unit: 'days',
  definition: `Average time from entering ${stage} to leaving it (next stage, won or lost), over stays that ended in the period.`,
  records: stays,
});

/** RULES.md, Sales pipeline: opportunity KPIs. */
export const pipelineKpis = (facts: readonly KpiFact[], period: Period): Kpi[] => {
  const deals = opportunitiesOf(facts);
  const closed = deals.filter((deal) => within(deal.closedAt, period));
  return [
    closeRateKpi(closed.length, closed.filter((deal) => deal.outcome === 'won').length),
    ...weightedPipeline(deals, period),
    ...OPEN_OPPORTUNITY_STAGES.map((stage) => stageLossRate(deals, stage, period)),
    ...OPEN_OPPORTUNITY_STAGES.map((stage) => timeInStage(deals, stage, period)),
    averageCycleKpi(
      closed.length,
      closed.reduce((sum, deal) => sum + cycleMs(deal), 0),
    ),
  ];
};
