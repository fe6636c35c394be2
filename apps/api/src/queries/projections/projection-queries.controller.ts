import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { StoredDocument } from '@crm/read-store';
import { Roles } from '../../auth/access.decorators';
import { IdParam } from '../../commands/customer-id.param';
import { type Reader, ReaderContext } from '../../data-protection/reader';
import { ApiQueryResponses } from '../api-query-responses';
import type { PageOf } from '../page.dto';
import { FindProjectionDocumentsQuery } from './find-projection-documents.query';
import { GetProjectionStatusesQuery, type ProjectionStatuses } from './get-projection-statuses.query';
import { ProjectionDocumentsQueryDto } from './projection-documents-query.dto';
import { ProjectionDocumentsPageDto } from './projection-documents.dto';
import { ProjectionStatusesDto } from './projection-statuses.dto';

@ApiTags('projections')
@Controller('projections')
export class ProjectionQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({
    summary: 'Position, lag, throughput and dead letters of each projection this process runs',
  })
  @ApiQueryResponses(ProjectionStatusesDto, 'One status per projection')
  statuses(): Promise<ProjectionStatuses> {
    return this.queries.execute(new GetProjectionStatusesQuery());
  }

  /** The role a projection needs is checked per projection, after the route's (projection-readers.ts). */
  @Get(':name/documents')
  @Roles('analyst', 'auditor')
  @ApiOperation({
    summary:
      "Any projection's documents by id, filtered on its declared fields: analysts read every projection but the " +
      'audit trail, which auditors read (logged as SensitiveRecordViewed)',
  })
  @ApiParam({
    name: 'name',
    description: 'The projection, as GET /projections names it',
    example: 'customer-360',
  })
  @ApiQueryResponses(ProjectionDocumentsPageDto, 'A page of documents, by document id', {
    notFound: 'No projection of that name; the message lists the known ones',
  })
  documents(
    @IdParam('name') name: string,
    @Query() { id, where, limit, cursor, purpose }: ProjectionDocumentsQueryDto,
    @ReaderContext() reader: Reader,
  ): Promise<PageOf<StoredDocument>> {
    return this.queries.execute(
      new FindProjectionDocumentsQuery(name, { id, where: where ?? [], limit, cursor, purpose }, reader),
    );
  }
}
