export const OPEN_OPPORTUNITY_STAGES = [
  'qualification',
  'needs_analysis',
  'proposal',
  'negotiation',
] as const;
export type OpenOpportunityStage = (typeof OPEN_OPPORTUNITY_STAGES)[number];

export interface OpportunityPolicy {
  /** Win probability per open stage, in whole percent. */
  readonly probabilities: Readonly<Record<OpenOpportunityStage, number>>;
}

export const DEFAULT_OPPORTUNITY_POLICY: OpportunityPolicy = {
  probabilities: { qualification: 10, needs_analysis: 25, proposal: 50, negotiation: 75 },
};
