import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry } from '@crm/projections/audit-trail';
import { Roles } from '../../auth/access.decorators';
import { AccessLog } from '../../data-protection/access-log';
import { type Reader, ReaderContext } from '../../data-protection/reader';
import { ApiQueryResponses } from '../api-query-responses';
import type { PageOf } from '../page.dto';
import { AuditQueryDto } from './audit-query.dto';
import { AuditPageDto } from './audit-responses.dto';
import { FindAuditEntriesQuery } from './find-audit-entries.query';

@ApiTags('audit')
@Controller('audit')
export class AuditQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly accessLog: AccessLog,
  ) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({
    summary:
      'Audit entries in log order, by customer, actor, event type and time; the read is itself logged as SensitiveRecordViewed',
  })
  @ApiQueryResponses(AuditPageDto, 'A page of hash-chained audit entries')
  async find(
    @Query() { customerId, actor, type, from, to, limit, cursor, purpose }: AuditQueryDto,
    @ReaderContext() reader: Reader,
  ): Promise<PageOf<AuditEntry>> {
    const page: PageOf<AuditEntry> = await this.queries.execute(
      new FindAuditEntriesQuery({ customerId, actorId: actor, type, from, to }, limit, cursor),
    );
    await this.accessLog.record(reader, {
      record: 'audit-trail',
      customerId: customerId ?? null,
      purpose: purpose ?? 'audit',
      query: definedOnly({ actor, type, from, to }),
    });
    return page;
  }
}

const definedOnly = (query: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
