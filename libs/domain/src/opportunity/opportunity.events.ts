import type { DomainEvent } from '../shared/envelope';
import type { Money } from '../shared/money';
import type { OpenOpportunityStage } from './opportunity-policy';

export type OpportunityOpened = DomainEvent<
  'OpportunityOpened',
  {
    readonly opportunityId: string;
    readonly customerId: string;
    readonly title: string;
    readonly amount: Money;
    readonly stage: OpenOpportunityStage;
    readonly probability: number;
  }
>;

export type OpportunityStageAdvanced = DomainEvent<
  'OpportunityStageAdvanced',
  { readonly from: OpenOpportunityStage; readonly to: OpenOpportunityStage; readonly probability: number }
>;

export type OpportunityWon = DomainEvent<
  'OpportunityWon',
  { readonly atStage: OpenOpportunityStage; readonly amount: Money }
>;

export type OpportunityLost = DomainEvent<
  'OpportunityLost',
  { readonly atStage: OpenOpportunityStage; readonly reason: string }
>;

export type OpportunityEvent =
  | OpportunityOpened
  | OpportunityStageAdvanced
  | OpportunityWon
  | OpportunityLost;

export type OpportunityEventType = OpportunityEvent['type'];

export const OPPORTUNITY_EVENT_SCHEMA_VERSIONS: Readonly<Record<OpportunityEventType, number>> = {
  OpportunityOpened: 1,
  OpportunityStageAdvanced: 1,
  OpportunityWon: 1,
  OpportunityLost: 1,
};
