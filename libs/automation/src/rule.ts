import type { CustomerCommand, CustomerEventType } from '@crm/domain';

export type Scalar = string | number | boolean | null;

/** `event.type`, `event.data.<field>…` or `customer.<field>…` (the customer's 360 document). */
export type FactPath = string;

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | { readonly path: FactPath; readonly eq: Scalar }
  | { readonly path: FactPath; readonly in: readonly Scalar[] }
  | { readonly path: FactPath; readonly gte: number | string }
  | { readonly path: FactPath; readonly lte: number | string }
  | { readonly path: FactPath; readonly exists: boolean };

/** A literal, or `{ path }` to copy a value from the facts. */
export type TemplateValue = Scalar | { readonly path: FactPath };

/**
 * Commands a rule may issue. Deliberately short: automation may work a complaint, send a campaign
 * (the decider still demands consent) or move the lifecycle stage, never touch money, identity or erasure.
 */
export const AUTOMATABLE_COMMANDS = ['PrioritizeComplaint', 'RecordCampaignSent', 'AdvanceStage'] as const;
export type AutomatableCommandType = (typeof AUTOMATABLE_COMMANDS)[number] & CustomerCommand['type'];

export interface CommandTemplate {
  readonly type: AutomatableCommandType;
  readonly data: Readonly<Record<string, TemplateValue>>;
}

export interface AutomationRule {
  /** 1–63 of `a-z0-9-`; part of the command ids the rule issues. */
  readonly id: string;
  readonly description: string;
  readonly trigger: CustomerEventType;
  readonly when: Condition;
  readonly then: CommandTemplate;
}

/** What a condition and a template can see: the trigger event and the customer's 360 (null if unknown). */
export interface RuleFacts {
  readonly event: { readonly type: string; readonly data: unknown };
  readonly customer: unknown;
}
