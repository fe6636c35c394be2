import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, type CommandOutcome, customerAggregate } from '@crm/application';
import { DATA_PROTECTION, type DataProtection } from '@crm/platform';
import { ExecuteCustomerCommand } from './execute-command';
import { commandRequest } from './command-request';

@CommandHandler(ExecuteCustomerCommand)
export class ExecuteCustomerCommandHandler implements ICommandHandler<ExecuteCustomerCommand> {
  private readonly customers = customerAggregate();

  constructor(
    private readonly executor: CommandExecutor,
    @Inject(DATA_PROTECTION) private readonly protection: DataProtection,
  ) {}

  async execute({ command, context, commandId }: ExecuteCustomerCommand): Promise<CommandOutcome> {
    const fingerprintKey = await this.protection.cipher.requestFingerprintKey();
    return this.executor.execute(this.customers, commandRequest(command, context, commandId, fingerprintKey));
  }
}
