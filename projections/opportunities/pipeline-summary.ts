import { OPEN_OPPORTUNITY_STAGES, type OpenOpportunityStage } from '@crm/domain';
import type { OpportunityDocument } from './opportunity.document';

/**
 * Sums over any number of opportunities, so of any size: exact integers in decimal strings (a JSON number
 * past 2^53 would lose digits in every JavaScript client).
 */
export interface StageTotals {
  readonly count: number;
  /** Σ amount, minor units, as a decimal string. */
  readonly amount: string;
  /** ⌊Σ amount × probability / 100⌋, minor units, rounded down once per group, as a decimal string. */
  readonly weightedAmount: string;
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
  amount: bigint;
  /** Σ amount × probability (percent): exact integers, divided by 100 only at the end. */
  amountTimesPercent: bigint;
}

const emptyAccumulator = (): Accumulator => ({ count: 0, amount: 0n, amountTimesPercent: 0n });

const add = (acc: Accumulator, doc: OpportunityDocument): void => {
  acc.count += 1;
  acc.amount += BigInt(doc.amount);
  acc.amountTimesPercent += BigInt(doc.amount) * BigInt(doc.probability);
};

// Amounts and probabilities are non-negative integers, so bigint division rounds down as ⌊⌋ does.
const totals = (acc: Accumulator): StageTotals => ({
  count: acc.count,
  amount: acc.amount.toString(),
  weightedAmount: (acc.amountTimesPercent / 100n).toString(),
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
