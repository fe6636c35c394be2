import type { Recorded } from '../shared/decider';
import type { Money } from '../shared/money';
import type { OpportunityEvent } from './opportunity.events';
import type { OpenOpportunityStage } from './opportunity-policy';

export interface OpportunityDetails {
  readonly opportunityId: string;
  readonly customerId: string;
  readonly amount: Money;
  readonly stage: OpenOpportunityStage;
}

export type OpportunityState =
  | { readonly status: 'none' }
  | (OpportunityDetails & { readonly status: 'open' | 'won' | 'lost' });

export const initialOpportunityState = (): OpportunityState => ({ status: 'none' });

export const evolveOpportunity = (
  state: OpportunityState,
  event: Recorded<OpportunityEvent>,
): OpportunityState => {
  switch (event.type) {
    case 'OpportunityOpened':
      return {
        status: 'open',
        opportunityId: event.data.opportunityId,
        customerId: event.data.customerId,
        amount: event.data.amount,
        stage: event.data.stage,
      };
    case 'OpportunityStageAdvanced':
      return state.status === 'none' ? state : { ...state, stage: event.data.to };
    case 'OpportunityWon':
      return state.status === 'none' ? state : { ...state, status: 'won' };
    case 'OpportunityLost':
      return state.status === 'none' ? state : { ...state, status: 'lost' };
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
};
