import { Module } from '@nestjs/common';
import { EventStoreModule } from '@crm/platform';
import { HealthController } from './health/health.controller';

@Module({
  imports: [EventStoreModule],
  controllers: [HealthController],
})
export class AppModule {}
