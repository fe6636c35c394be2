import {
  CommandExecutor,
  type CommandIssuer,
  customerAggregate,
  opportunityAggregate,
} from '@crm/application';
import { type DemoCommand, demoCommands } from '@crm/demo-data';
import type { EventStore } from '@crm/event-store';

const ISSUER: CommandIssuer = {
  actor: { id: 'demo-seed', kind: 'service', roles: ['service'] },
  correlationId: 'demo-seed',
  source: 'test',
};

/** The demo data set's commands for `customers` customers, in the generator's order. */
export function demoHistory(customers: number): DemoCommand[] {
  return [...demoCommands({ customers, seed: 7 })];
}

/** Runs commands through the real command executor, one at a time; returns how many were accepted. */
export async function executeAll(store: EventStore, commands: readonly DemoCommand[]): Promise<number> {
  const executor = new CommandExecutor(store, { clock: () => new Date('2026-11-23T00:00:00Z') });
  const customers = customerAggregate();
  const opportunities = opportunityAggregate();
  let accepted = 0;
  for (const item of commands) {
    const request = { commandId: item.commandId, requestHash: item.commandId, issuer: ISSUER };
    const run =
      item.aggregate === 'customer'
        ? executor.execute(customers, { ...request, command: item.command })
        : executor.execute(opportunities, { ...request, command: item.command });
    if (
      await run.then(
        () => true,
        () => false,
      )
    )
      accepted++;
  }
  return accepted;
}
