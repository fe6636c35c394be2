import type { OpenOpportunityStage } from '@crm/domain';

export type OpportunityStatus = 'none' | 'open' | 'won' | 'lost';

export interface StageEntry {
  readonly stage: OpenOpportunityStage;
  readonly at: string;
}

/** One opportunity in the sales pipeline. Plain JSON: strings, numbers, null. */
export interface OpportunityDocument {
  readonly [key: string]: unknown;
  readonly opportunityId: string;
  readonly customerId: string | null;
  readonly title: string | null;
  readonly status: OpportunityStatus;
  /** The current open stage; for a closed deal, the stage it was won or lost at. */
  readonly stage: OpenOpportunityStage | null;
  /** Expected (or, once won, actual) deal value in minor units of `currency`. */
  readonly amount: number;
  readonly currency: string | null;
  /** Win probability in whole percent, as recorded by the events: 100 once won, 0 once lost. */
  readonly probability: number;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  /** When the opportunity entered its current stage (for time in stage). */
  readonly stageEnteredAt: string | null;
  /** Every open stage entered, in order (for stage loss rates and average time in stage). */
  readonly stagesEntered: readonly StageEntry[];
  /** The last stream revision applied; redeliveries at or below it are skipped. */
  readonly lastRevision: number;
}

export const emptyOpportunity = (opportunityId: string): OpportunityDocument => ({
  opportunityId,
  customerId: null,
  title: null,
  status: 'none',
  stage: null,
  amount: 0,
  currency: null,
  probability: 0,
  openedAt: null,
  closedAt: null,
  stageEnteredAt: null,
  stagesEntered: [],
  lastRevision: -1,
});
