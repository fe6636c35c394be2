import { Module } from '@nestjs/common';
import { EmbeddedProjectionsModule, EventStoreModule, ReadStoreModule, readCrmMode } from '@crm/platform';
import { HealthController } from './health/health.controller';

const embedded = readCrmMode(process.env) === 'embedded';

@Module({
  imports: [EventStoreModule, ReadStoreModule, ...(embedded ? [EmbeddedProjectionsModule] : [])],
  controllers: [HealthController],
})
export class AppModule {}
