import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuditTrailVerification, READ_STORE, verifyAuditTrail } from '@crm/platform';
import type { ReadStore } from '@crm/read-store';
import { Roles } from '../auth/access.decorators';
import { ApiQueryResponses } from '../queries/api-query-responses';
import { AuditVerificationDto } from './audit-verification.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditVerificationController {
  constructor(@Inject(READ_STORE) private readonly reads: ReadStore) {}

  @Get('verify')
  @Roles('auditor')
  @ApiOperation({
    summary:
      "Recompute the audit trail's hash chain from the stored entries and report the first broken link",
  })
  @ApiQueryResponses(AuditVerificationDto, 'ok, or the first broken link with expected and found values')
  verify(): Promise<AuditTrailVerification> {
    return verifyAuditTrail(this.reads);
  }
}
