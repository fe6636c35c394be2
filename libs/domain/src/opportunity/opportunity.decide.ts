import type { Decider, DecisionContext } from '../shared/decider';
import { AlreadyExistsError, InvalidTransitionError, NotFoundError } from '../shared/domain-error';
import { requireId } from '../shared/ids';
import { requireMoney } from '../shared/money';
import { requireOneOf, requireText } from '../shared/validation';
import type { OpportunityCommand } from './opportunity.commands';
import type { OpportunityEvent } from './opportunity.events';
import {
  evolveOpportunity,
  initialOpportunityState,
  type OpportunityDetails,
  type OpportunityState,
} from './opportunity.state';
import {
  DEFAULT_OPPORTUNITY_POLICY,
  OPEN_OPPORTUNITY_STAGES,
  type OpportunityPolicy,
} from './opportunity-policy';

export interface OpportunityDecisionContext extends DecisionContext {
  readonly opportunityPolicy?: OpportunityPolicy;
}

const requireOpen = (state: OpportunityState, opportunityId: string): OpportunityDetails => {
  if (state.status === 'none') {
    throw new NotFoundError(`opportunity ${opportunityId} does not exist`, { opportunityId });
  }
  if (state.status !== 'open') {
    throw new InvalidTransitionError(
      `opportunity ${opportunityId} is already ${state.status}; it is closed`,
      {
        opportunityId,
        status: state.status,
      },
    );
  }
  return state;
};

export const decideOpportunity = (
  command: OpportunityCommand,
  state: OpportunityState,
  context: OpportunityDecisionContext,
): OpportunityEvent[] => {
  const opportunityId = requireId('opportunityId', command.opportunityId);
  const { probabilities } = context.opportunityPolicy ?? DEFAULT_OPPORTUNITY_POLICY;
  switch (command.type) {
    case 'OpenOpportunity': {
      if (state.status !== 'none') {
        throw new AlreadyExistsError(`opportunity ${opportunityId} is already open or closed`, {
          opportunityId,
        });
      }
      const stage = requireOneOf('stage', command.data.stage ?? 'qualification', OPEN_OPPORTUNITY_STAGES);
      return [
        {
          type: 'OpportunityOpened',
          data: {
            opportunityId,
            customerId: requireId('customerId', command.data.customerId),
            title: requireText('title', command.data.title),
            amount: requireMoney('amount', command.data.amount),
            stage,
            probability: probabilities[stage],
          },
        },
      ];
    }
    case 'AdvanceOpportunityStage': {
      const open = requireOpen(state, opportunityId);
      const to = requireOneOf('to', command.data.to, OPEN_OPPORTUNITY_STAGES);
      if (OPEN_OPPORTUNITY_STAGES.indexOf(to) <= OPEN_OPPORTUNITY_STAGES.indexOf(open.stage)) {
        throw new InvalidTransitionError(
          `cannot move opportunity from ${open.stage} to ${to}: stages only move forward`,
          {
            from: open.stage,
            to,
          },
        );
      }
      return [
        { type: 'OpportunityStageAdvanced', data: { from: open.stage, to, probability: probabilities[to] } },
      ];
    }
    case 'WinOpportunity': {
      const open = requireOpen(state, opportunityId);
      return [{ type: 'OpportunityWon', data: { atStage: open.stage, amount: open.amount } }];
    }
    case 'LoseOpportunity': {
      const open = requireOpen(state, opportunityId);
      return [
        {
          type: 'OpportunityLost',
          data: { atStage: open.stage, reason: requireText('reason', command.data.reason, 500) },
        },
      ];
    }
    default: {
      const unexpected: never = command;
      return unexpected;
    }
  }
};

export const opportunityDecider: Decider<OpportunityCommand, OpportunityState, OpportunityEvent> = {
  decide: decideOpportunity,
  evolve: evolveOpportunity,
  initialState: initialOpportunityState,
};
