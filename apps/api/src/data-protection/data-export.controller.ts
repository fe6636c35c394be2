import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/access.decorators';
import { CustomerIdParam } from '../commands/customer-id.param';
import { ApiQueryResponses } from '../queries/api-query-responses';
import { DataExportDto } from './data-export.dto';
import { type DataExport, DataExportService } from './data-export.service';
import { PurposeQueryDto } from './purpose-query.dto';
import { type Reader, ReaderContext } from './reader';

@ApiTags('data protection')
@Controller('customers')
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  @Get(':customerId/data-export')
  @Roles('auditor')
  @ApiOperation({
    summary:
      'Subject access (KVKK art. 11, GDPR art. 15): everything held about the customer in one JSON document; the read is logged as SensitiveRecordViewed',
  })
  @ApiQueryResponses(DataExportDto, 'Events decrypted, read models, consents and the access log', {
    notFound: 'Unknown customer',
  })
  export(
    @CustomerIdParam() customerId: string,
    @Query() { purpose }: PurposeQueryDto,
    @ReaderContext() reader: Reader,
  ): Promise<DataExport> {
    return this.exports.export(customerId, reader, purpose ?? 'subject access request');
  }
}
