import { Module } from '@nestjs/common';
import { ReadModels } from '../queries/read-models';
import { AccessLog } from './access-log';
import { AuditVerificationController } from './audit-verification.controller';
import { DataExportController } from './data-export.controller';
import { DataExportService } from './data-export.service';
import { ErasureReactor } from './erasure.reactor';
import { ErasureService } from './erasure.service';
import { ReadModelScrubber } from './read-model-scrubber';

/** KVKK / GDPR at the edge: erasure, subject access, the access log and audit verification (ADR 0010). */
@Module({
  providers: [AccessLog, ReadModels, DataExportService, ErasureService, ErasureReactor, ReadModelScrubber],
  controllers: [DataExportController, AuditVerificationController],
  exports: [AccessLog, ErasureService],
})
export class DataProtectionModule {}
