import type { OpenOpportunityStage } from '@crm/domain';

/**
 * What every fact carries so that a KPI reads only its kind and period: `atMs` places the fact in a
 * period (see each kind), `endMs` is a second instant some kinds need (null otherwise).
 */
interface FactHeader<TKind extends string> {
  readonly [key: string]: unknown;
  readonly kind: TKind;
  readonly customerId: string | null;
  /** The complaint, opportunity, campaign or survey id. */
  readonly subject: string | null;
  readonly atMs: number | null;
  readonly endMs: number | null;
  /** The last stream revision applied; redeliveries at or below it are skipped. */
  readonly lastRevision: number;
  /** The global position of the last event applied: the KPI aggregates read the facts changed since a position. */
  readonly lastPosition: number;
}

/** One complaint; `atMs` = its final resolution (null while open or reopened). */
export interface ComplaintFact extends FactHeader<'complaint'> {
  readonly openedAt: string | null;
  readonly slaHours: number;
  readonly resolvedAt: string | null;
  readonly firstContact: boolean | null;
  readonly reopened: boolean;
}

export interface OpportunityStageEntry {
  readonly stage: OpenOpportunityStage;
  readonly at: string;
  readonly probability: number;
}

/** One opportunity; `atMs` = opened, `endMs` = closed (null while open). */
export interface OpportunityFact extends FactHeader<'opportunity'> {
  readonly amount: number;
  readonly currency: string | null;
  readonly openedAt: string | null;
  readonly stages: readonly OpportunityStageEntry[];
  readonly outcome: 'won' | 'lost' | null;
  readonly closedAt: string | null;
}

/** One campaign × customer; `atMs` = first delivery, `endMs` = latest click (null before any). */
export interface DeliveryFact extends FactHeader<'delivery'> {
  readonly sentAt: string | null;
  readonly openedAt: string | null;
  /** Every click, in log order: revenue is attributed to the 7 days after any of them. */
  readonly clicks: readonly string[];
}

/** One survey answer; `atMs` = answered. */
export interface AnswerFact extends FactHeader<'nps' | 'csat'> {
  readonly score: number;
  readonly at: string | null;
}

export interface ReturnEntry {
  readonly at: string;
  readonly amount: number;
}

/** One purchase with its returns; `atMs` = purchased, `endMs` = latest return (null without). */
export interface PurchaseFact extends FactHeader<'purchase'> {
  readonly amount: number;
  readonly currency: string | null;
  readonly at: string | null;
  readonly returns: readonly ReturnEntry[];
}

export type KpiFact = ComplaintFact | OpportunityFact | DeliveryFact | AnswerFact | PurchaseFact;
export type KpiFactKind = KpiFact['kind'];
