import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  CommandExecutor,
  type CommandOutcome,
  customerAggregate,
  opportunityAggregate,
} from '@crm/application';
import { CustomerErasedError, customerStream, NotFoundError } from '@crm/domain';
import { DATA_PROTECTION, type DataProtection } from '@crm/platform';
import { ExecuteOpportunityCommand } from './execute-command';
import { commandRequest } from './command-request';

@CommandHandler(ExecuteOpportunityCommand)
export class ExecuteOpportunityCommandHandler implements ICommandHandler<ExecuteOpportunityCommand> {
  private readonly customers = customerAggregate();
  private readonly opportunities = opportunityAggregate();

  constructor(
    private readonly executor: CommandExecutor,
    @Inject(DATA_PROTECTION) private readonly protection: DataProtection,
  ) {}

  async execute({ command, context, commandId }: ExecuteOpportunityCommand): Promise<CommandOutcome> {
    if (command.type === 'OpenOpportunity') await this.requireActiveCustomer(command.data.customerId);
    const fingerprintKey = await this.protection.cipher.requestFingerprintKey();
    return this.executor.execute(
      this.opportunities,
      commandRequest(command, context, commandId, fingerprintKey),
    );
  }

  /** Opportunities live in their own streams; opening one for an unknown or erased customer is refused. */
  private async requireActiveCustomer(customerId: string): Promise<void> {
    const { state } = await this.executor.load(this.customers, customerStream(customerId));
    if (state.status === 'unregistered') {
      throw new NotFoundError(`customer ${customerId} is not registered`, { customerId });
    }
    if (state.status === 'erased') throw new CustomerErasedError(customerId);
  }
}
