import { OPEN_OPPORTUNITY_STAGES, type OpenOpportunityStage, type OpportunityCommand } from '@crm/domain';
import { LOSS_REASONS, OPPORTUNITY_TITLES } from './catalogue';
import { later, nextOrdinal, type Action, type CustomerSim } from './customer-sim';
import type { DraftCommand } from './demo-command';
import { opportunityIdOf } from './ids';
import { purchaseOf } from './purchases';
import { DAY_MS, isoOf } from './time';

/** Chance of moving on from each open stage (from negotiation: of winning); the rest are lost there. */
const ADVANCE_CHANCE: Readonly<Record<OpenOpportunityStage, number>> = {
  qualification: 0.7,
  needs_analysis: 0.7,
  proposal: 0.65,
  negotiation: 0.6,
};

type OpportunityCommandOf<T extends OpportunityCommand['type']> = Extract<OpportunityCommand, { type: T }>;

const opportunityCommand = <T extends OpportunityCommand['type']>(
  opportunityId: string,
  at: number,
  type: T,
  data: OpportunityCommandOf<T>['data'],
): DraftCommand => ({
  aggregate: 'opportunity',
  command: { type, opportunityId, occurredAt: isoOf(at), data } as OpportunityCommandOf<T>,
});

const stepDelay = (sim: CustomerSim): number => DAY_MS * (1 + sim.random.exponential(12));

const lose = (sim: CustomerSim, opportunityId: string, at: number): DraftCommand =>
  opportunityCommand(opportunityId, at, 'LoseOpportunity', { reason: sim.random.pick(LOSS_REASONS) });

const close =
  (opportunityId: string, amount: number): Action =>
  (sim, at) => {
    if (!sim.random.chance(ADVANCE_CHANCE.negotiation)) {
      return lose(sim, opportunityId, at);
    }
    if (sim.random.chance(0.85)) {
      later(sim, at, DAY_MS * (1 + sim.random.exponential(3)), purchaseOf(amount, 'b2b'));
    }
    return opportunityCommand(opportunityId, at, 'WinOpportunity', {});
  };

const progress =
  (opportunityId: string, stage: Exclude<OpenOpportunityStage, 'negotiation'>, amount: number): Action =>
  (sim, at) => {
    if (!sim.random.chance(ADVANCE_CHANCE[stage])) {
      return lose(sim, opportunityId, at);
    }
    const to = OPEN_OPPORTUNITY_STAGES[OPEN_OPPORTUNITY_STAGES.indexOf(stage) + 1];
    const next = to === 'negotiation' ? close(opportunityId, amount) : progress(opportunityId, to, amount);
    later(sim, at, stepDelay(sim), next);
    return opportunityCommand(opportunityId, at, 'AdvanceOpportunityStage', { to });
  };

export const openOpportunity: Action = (sim, at) => {
  const opportunityId = opportunityIdOf(sim.index, nextOrdinal(sim, 'opportunity'));
  const amount = Math.max(100_000, Math.round(sim.random.logNormal(2_500_000, 0.7)));
  later(sim, at, stepDelay(sim), progress(opportunityId, 'qualification', amount));
  return opportunityCommand(opportunityId, at, 'OpenOpportunity', {
    customerId: sim.customerId,
    title: sim.random.pick(OPPORTUNITY_TITLES),
    amount: { amount, currency: 'TRY' },
  });
};
