import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandOutcome } from '@crm/application';
import type { CustomerCommand } from '@crm/domain';
import type { CommandContext } from './command-context';
import type { CommandBodyDto } from './dto/command-body.dto';
import { ExecuteCustomerCommand } from './execute-command';
import { split } from './split-body';

type DataOf<T extends CustomerCommand['type']> = Extract<CustomerCommand, { type: T }>['data'];

/** What the customer command controllers share: a validated body becomes one decider command on the bus. */
@Injectable()
export abstract class CustomerCommandRunner {
  constructor(private readonly commands: CommandBus) {}

  protected run(
    command: CustomerCommand,
    context: CommandContext,
    commandId: string,
  ): Promise<CommandOutcome> {
    return this.commands.execute(new ExecuteCustomerCommand(command, context, commandId));
  }

  /** The body, minus its envelope fields, is the command's data. */
  protected runBody<T extends CustomerCommand['type']>(
    type: T,
    customerId: string,
    body: CommandBodyDto & DataOf<T>,
    context: CommandContext,
  ): Promise<CommandOutcome> {
    const { fields: data, commandId, occurredAt } = split(body, context);
    return this.run({ type, customerId, occurredAt, data } as CustomerCommand, context, commandId);
  }
}
