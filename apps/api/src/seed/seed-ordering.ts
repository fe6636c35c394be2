import type { DemoCommand } from '@crm/demo-data';

/**
 * The key under which a demo command must wait for the ones before it: its customer. Opportunities
 * belong to the customer that opened them, so opening one waits for that customer's registration.
 */
export class SeedOrdering {
  private readonly owners = new Map<string, string>();

  keyOf(item: DemoCommand): string {
    if (item.aggregate === 'customer') return item.command.customerId;
    const { command } = item;
    if (command.type === 'OpenOpportunity') this.owners.set(command.opportunityId, command.data.customerId);
    return this.owners.get(command.opportunityId) ?? command.opportunityId;
  }
}
