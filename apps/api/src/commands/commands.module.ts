import { Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CommandExecutor } from '@crm/application';
import type { EventStore, SnapshotStore } from '@crm/event-store';
import {
  type ApiEnvironment,
  DATA_PROTECTION,
  type DataProtection,
  EVENT_STORE,
  type EventStoreConfig,
  openSnapshotStore,
} from '@crm/platform';
import { DataProtectionModule } from '../data-protection/data-protection.module';
import { ComplaintCommandsController } from './complaint-commands.controller';
import { CustomerAdminCommandsController } from './customer-admin-commands.controller';
import { CustomerCommandsController } from './customer-commands.controller';
import { EngagementCommandsController } from './engagement-commands.controller';
import { ExecuteCustomerCommandHandler } from './execute-customer-command.handler';
import { ExecuteOpportunityCommandHandler } from './execute-opportunity-command.handler';
import { OpportunityCommandsController } from './opportunity-commands.controller';

const SNAPSHOT_STORE = Symbol('SnapshotStore');

const snapshotLog = new Logger('CommandSnapshots');

/** A snapshot that cannot be used costs a longer read, not the command: worth a warning, not an error. */
const reportSnapshotError = (error: unknown, streamId: string): void =>
  snapshotLog.warn(
    `snapshot of ${streamId} not used or not written: ${error instanceof Error ? error.message : String(error)}`,
  );

@Module({
  imports: [DataProtectionModule],
  providers: [
    {
      provide: SNAPSHOT_STORE,
      inject: ['EVENT_STORE_CONFIG', DATA_PROTECTION, ConfigService],
      useFactory: (
        storeConfig: EventStoreConfig,
        protection: DataProtection,
        config: ConfigService<ApiEnvironment, true>,
      ): SnapshotStore | null =>
        (config.get('COMMAND_SNAPSHOT_EVERY', { infer: true }) > 0 &&
          openSnapshotStore(storeConfig, protection)) ||
        null,
    },
    {
      provide: CommandExecutor,
      inject: [EVENT_STORE, SNAPSHOT_STORE, ConfigService],
      useFactory: (
        store: EventStore,
        snapshots: SnapshotStore | null,
        config: ConfigService<ApiEnvironment, true>,
      ) =>
        new CommandExecutor(store, {
          stateCacheSize: config.get('COMMAND_STATE_CACHE_SIZE', { infer: true }),
          occurredAtToleranceMs: config.get('OCCURRED_AT_TOLERANCE_SECONDS', { infer: true }) * 1000,
          ...(snapshots && {
            snapshots: {
              store: snapshots,
              every: config.get('COMMAND_SNAPSHOT_EVERY', { infer: true }),
              onError: reportSnapshotError,
            },
          }),
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
export class CommandsModule implements OnApplicationShutdown {
  constructor(@Inject(SNAPSHOT_STORE) private readonly snapshots: SnapshotStore | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.snapshots?.close();
  }
}
