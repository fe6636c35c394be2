import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, type CommandOutcome, customerAggregate } from '@crm/application';
import { ExecuteCustomerCommand } from './execute-command';
import { commandRequest } from './command-request';

@CommandHandler(ExecuteCustomerCommand)
export class ExecuteCustomerCommandHandler implements ICommandHandler<ExecuteCustomerCommand> {
  private readonly customers = customerAggregate();

  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, context, commandId }: ExecuteCustomerCommand): Promise<CommandOutcome> {
    return this.executor.execute(this.customers, commandRequest(command, context, commandId));
  }
}
