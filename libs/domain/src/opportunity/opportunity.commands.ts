import type { Money } from '../shared/money';
import type { OpenOpportunityStage } from './opportunity-policy';

interface OpportunityCommandOf<TType extends string, TData> {
  readonly type: TType;
  readonly opportunityId: string;
  readonly occurredAt?: string;
  readonly data: TData;
}

export type OpenOpportunity = OpportunityCommandOf<
  'OpenOpportunity',
  { customerId: string; title: string; amount: Money; stage?: OpenOpportunityStage }
>;
export type AdvanceOpportunityStage = OpportunityCommandOf<
  'AdvanceOpportunityStage',
  { to: OpenOpportunityStage }
>;
export type WinOpportunity = OpportunityCommandOf<'WinOpportunity', Record<string, never>>;
export type LoseOpportunity = OpportunityCommandOf<'LoseOpportunity', { reason: string }>;

export type OpportunityCommand = OpenOpportunity | AdvanceOpportunityStage | WinOpportunity | LoseOpportunity;
