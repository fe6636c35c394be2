import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EmbeddedProjectionsModule, EventStoreModule, ReadStoreModule, readCrmMode } from '@crm/platform';
import { AuthModule } from './auth/auth.module';
import { AutomationModule } from './automation/automation.module';
import { CommandsModule } from './commands/commands.module';
import { HealthController } from './health/health.controller';
import { LoyaltyReviewModule } from './loyalty-review/loyalty-review.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueriesModule } from './queries/queries.module';
import { SeedModule } from './seed/seed.module';

const embedded = readCrmMode(process.env) === 'embedded';

@Module({
  imports: [
    CqrsModule.forRoot(),
    EventStoreModule,
    ReadStoreModule,
    ...(embedded ? [EmbeddedProjectionsModule] : []),
    AuthModule,
    MetricsModule,
    CommandsModule,
    QueriesModule,
    SeedModule,
    LoyaltyReviewModule,
    ...(embedded ? [AutomationModule] : []),
  ],
  controllers: [HealthController],
})
export class AppModule {}
