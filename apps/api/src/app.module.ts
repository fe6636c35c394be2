import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import {
  type ApiEnvironment,
  EmbeddedProjectionsModule,
  EventStoreModule,
  type LoadedSettings,
  ReadStoreModule,
  resolveTopology,
} from '@crm/platform';
import { AuthModule } from './auth/auth.module';
import { AutomationModule } from './automation/automation.module';
import { CommandsModule } from './commands/commands.module';
import { DataProtectionModule } from './data-protection/data-protection.module';
import { HealthController } from './health/health.controller';
import { StrictQueryGuard } from './http/strict-query.guard';
import { LoyaltyReviewModule } from './loyalty-review/loyalty-review.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueriesModule } from './queries/queries.module';
import { SeedModule } from './seed/seed.module';

/**
 * The API (DESIGN §7). On the embedded bus (`EVENT_BUS=embedded`) it also runs every projection, on a
 * worker thread of this process; on Kafka the relay and the projector processes do.
 */
@Module({})
export class AppModule {
  static register(settings: LoadedSettings<ApiEnvironment>): DynamicModule {
    const embedded = resolveTopology(settings.values).eventBus === 'embedded';
    return {
      module: AppModule,
      imports: [
        settings.module,
        CqrsModule.forRoot(),
        EventStoreModule,
        ReadStoreModule,
        ...(embedded ? [EmbeddedProjectionsModule] : []),
        AuthModule,
        MetricsModule,
        CommandsModule,
        DataProtectionModule,
        QueriesModule,
        SeedModule,
        LoyaltyReviewModule,
        AutomationModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: StrictQueryGuard }],
    };
  }
}
