import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { ApiQueryResponses } from '../api-query-responses';
import { GetProjectionStatusesQuery, type ProjectionStatuses } from './get-projection-statuses.query';
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
}
