import { DEFAULT_OPPORTUNITY_POLICY, type EventEnvelope, type OpenOpportunityStage } from '@crm/domain';
import { testLog, type TestEvent } from '../testing/envelope';

/** One step of a pipeline story; probabilities come from the default policy, as the decider sets them. */
export type OpportunityStep =
  | {
      readonly open: string;
      readonly customerId: string;
      readonly amount: number;
      readonly currency?: string;
      readonly stage: OpenOpportunityStage;
      readonly at: string;
    }
  | {
      readonly advance: string;
      readonly from: OpenOpportunityStage;
      readonly to: OpenOpportunityStage;
      readonly at: string;
    }
  | {
      readonly win: string;
      readonly atStage: OpenOpportunityStage;
      readonly amount: number;
      readonly at: string;
    }
  | { readonly lose: string; readonly atStage: OpenOpportunityStage; readonly at: string };

const { probabilities } = DEFAULT_OPPORTUNITY_POLICY;
const toEvent = (step: OpportunityStep, currencies: Map<string, string>): TestEvent => {
  if ('open' in step) {
    const currency = step.currency ?? 'TRY';
    currencies.set(step.open, currency);
    return {
      streamId: `opportunity-${step.open}`,
      type: 'OpportunityOpened',
      occurredAt: step.at,
      data: {
        opportunityId: step.open,
        customerId: step.customerId,
        title: `Deal ${step.open}`,
        amount: { amount: step.amount, currency },
        stage: step.stage,
        probability: probabilities[step.stage],
      },
    };
  }
  if ('advance' in step) {
    const { from, to } = step;
    const data = { from, to, probability: probabilities[to] };
    return {
      streamId: `opportunity-${step.advance}`,
      type: 'OpportunityStageAdvanced',
      occurredAt: step.at,
      data,
    };
  }
  if ('win' in step) {
    const amount = { amount: step.amount, currency: currencies.get(step.win) ?? 'TRY' };
    const data = { atStage: step.atStage, amount };
    return { streamId: `opportunity-${step.win}`, type: 'OpportunityWon', occurredAt: step.at, data };
  }
  const data = { atStage: step.atStage, reason: 'too expensive' };
  return { streamId: `opportunity-${step.lose}`, type: 'OpportunityLost', occurredAt: step.at, data };
};

/** Stores the steps in order, as the event store would (positions global, revisions per stream). */
export const opportunityLog = (steps: readonly OpportunityStep[]): EventEnvelope[] => {
  const log = testLog();
  const currencies = new Map<string, string>();
  return steps.map((step) => log.append(toEvent(step, currencies)));
};
