import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandExecutor } from '@crm/application';
import type { EventStore } from '@crm/event-store';
import { type ApiEnvironment, EVENT_STORE } from '@crm/platform';
import { DataProtectionModule } from '../data-protection/data-protection.module';
import { ComplaintCommandsController } from './complaint-commands.controller';
import { CustomerAdminCommandsController } from './customer-admin-commands.controller';
import { CustomerCommandsController } from './customer-commands.controller';
import { EngagementCommandsController } from './engagement-commands.controller';
import { ExecuteCustomerCommandHandler } from './execute-customer-command.handler';
import { ExecuteOpportunityCommandHandler } from './execute-opportunity-command.handler';
import { OpportunityCommandsController } from './opportunity-commands.controller';

@Module({
  imports: [DataProtectionModule],
  providers: [
    {
      provide: CommandExecutor,
      inject: [EVENT_STORE, ConfigService],
      useFactory: (store: EventStore, config: ConfigService<ApiEnvironment, true>) =>
        new CommandExecutor(store, {
          stateCacheSize: config.get('COMMAND_STATE_CACHE_SIZE', { infer: true }),
          occurredAtToleranceMs: config.get('OCCURRED_AT_TOLERANCE_SECONDS', { infer: true }) * 1000,
        }),
    },
    ExecuteCustomerCommandHandler,
    ExecuteOpportunityCommandHandler,
  ],
  controllers: [
    CustomerCommandsController,
    ComplaintCommandsController,
    EngagementCommandsController,
    CustomerAdminCommandsController,
    OpportunityCommandsController,
  ],
  exports: [CommandExecutor],
})
export class CommandsModule {}
