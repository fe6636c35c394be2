import type { CustomerCommand, OpportunityCommand } from '@crm/domain';

export type DemoCommand =
  | { readonly aggregate: 'customer'; readonly commandId: string; readonly command: CustomerCommand }
  | { readonly aggregate: 'opportunity'; readonly commandId: string; readonly command: OpportunityCommand };

/** A command before it is numbered in its customer's timeline. */
export type DraftCommand =
  | { readonly aggregate: 'customer'; readonly command: CustomerCommand }
  | { readonly aggregate: 'opportunity'; readonly command: OpportunityCommand };
