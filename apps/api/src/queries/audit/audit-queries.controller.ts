import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntry } from '@crm/projections/audit-trail';
import { Roles } from '../../auth/access.decorators';
import { ApiQueryResponses } from '../api-query-responses';
import type { PageOf } from '../page.dto';
import { AuditQueryDto } from './audit-query.dto';
import { AuditPageDto } from './audit-responses.dto';
import { FindAuditEntriesQuery } from './find-audit-entries.query';

@ApiTags('audit')
@Controller('audit')
export class AuditQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('auditor')
  @ApiOperation({ summary: 'Audit entries in log order, by customer, actor, event type and time' })
  @ApiQueryResponses(AuditPageDto, 'A page of hash-chained audit entries')
  find(
    @Query() { customerId, actor, type, from, to, limit, cursor }: AuditQueryDto,
  ): Promise<PageOf<AuditEntry>> {
    return this.queries.execute(
      new FindAuditEntriesQuery({ customerId, actorId: actor, type, from, to }, limit, cursor),
    );
  }
}
