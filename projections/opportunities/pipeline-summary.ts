import { OPEN_OPPORTUNITY_STAGES, type OpenOpportunityStage } from '@crm/domain';
import type { OpportunityDocument } from './opportunity.document';

export interface StageTotals {
  readonly count: number;
  /** Σ amount, minor units. */
  readonly amount: number;
  /** ⌊Σ amount × probability / 100⌋, minor units, rounded down once per group. */
  readonly weightedAmount: number;
}

export interface CurrencyPipeline {
  readonly currency: string;
  readonly stages: Readonly<Record<OpenOpportunityStage, StageTotals>>;
  readonly total: StageTotals;
}

/** The open pipeline, one entry per currency (sorted by code): amounts are never converted. */
export interface PipelineSummary {
  readonly currencies: readonly CurrencyPipeline[];
}

interface Accumulator {
  count: number;
  amount: number;
  /** Σ amount × probability (percent): exact integers, divided by 100 only at the end. */
  amountTimesPercent: number;
}

const emptyAccumulator = (): Accumulator => ({ count: 0, amount: 0, amountTimesPercent: 0 });

const add = (acc: Accumulator, doc: OpportunityDocument): void => {
  acc.count += 1;
  acc.amount += doc.amount;
  acc.amountTimesPercent += doc.amount * doc.probability;
};

const totals = (acc: Accumulator): StageTotals => ({
  count: acc.count,
  amount: acc.amount,
  weightedAmount: Math.floor(acc.amountTimesPercent / 100),
});

/**
 * Weighted pipeline (RULES.md): Σ amount × probability over open opportunities, grouped by
 * currency and stage. Probabilities are the ones the events recorded, not today's policy.
 * Pure; the query side loads open opportunity documents (`status = open`) and calls it.
 */
export const pipelineSummary = (docs: readonly OpportunityDocument[]): PipelineSummary => {
  const byCurrency = new Map<
    string,
    { stages: Map<OpenOpportunityStage, Accumulator>; total: Accumulator }
  >();
  for (const doc of docs) {
    if (doc.status !== 'open' || doc.stage === null || doc.currency === null) {
      continue;
    }
    let group = byCurrency.get(doc.currency);
    if (group === undefined) {
      group = {
        stages: new Map(OPEN_OPPORTUNITY_STAGES.map((stage) => [stage, emptyAccumulator()])),
        total: emptyAccumulator(),
      };
      byCurrency.set(doc.currency, group);
    }
    add(group.stages.get(doc.stage) as Accumulator, doc);
    add(group.total, doc);
  }
  const currencies = [...byCurrency.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, group]) => ({
      currency,
      stages: Object.fromEntries(
        OPEN_OPPORTUNITY_STAGES.map((stage) => [stage, totals(group.stages.get(stage) as Accumulator)]),
      ) as Record<OpenOpportunityStage, StageTotals>,
      total: totals(group.total),
    }));
  return { currencies };
};
