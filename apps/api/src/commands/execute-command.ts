import { Command } from '@nestjs/cqrs';
import type { CustomerCommand, OpportunityCommand } from '@crm/domain';
import type { CommandOutcome } from '@crm/application';
import type { CommandContext } from './command-context';

/** Runs one customer decider command for an HTTP caller (or the seed), through the command bus. */
export class ExecuteCustomerCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: CustomerCommand,
    readonly context: CommandContext,
    /** The idempotency key: from the Idempotency-Key header or the body, else fresh. */
    readonly commandId: string,
  ) {
    super();
  }
}

export class ExecuteOpportunityCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: OpportunityCommand,
    readonly context: CommandContext,
    readonly commandId: string,
  ) {
    super();
  }
}
