import { Module } from '@nestjs/common';
import { CommandExecutor } from '@crm/application';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import { CustomerCommandsController } from './customer-commands.controller';
import { ExecuteCustomerCommandHandler } from './execute-customer-command.handler';
import { ExecuteOpportunityCommandHandler } from './execute-opportunity-command.handler';

@Module({
  providers: [
    {
      provide: CommandExecutor,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new CommandExecutor(store),
    },
    ExecuteCustomerCommandHandler,
    ExecuteOpportunityCommandHandler,
  ],
  controllers: [CustomerCommandsController],
  exports: [CommandExecutor],
})
export class CommandsModule {}
