import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OpportunityDocument, PipelineSummary } from '@crm/projections/opportunities';
import { Roles } from '../../auth/access.decorators';
import { IdParam } from '../../commands/customer-id.param';
import { ApiQueryResponses } from '../api-query-responses';
import { GetOpportunityQuery } from './get-opportunity.query';
import { GetPipelineSummaryQuery } from './get-pipeline-summary.query';
import { OpportunityDto, PipelineSummaryDto } from './opportunity-responses.dto';

@ApiTags('opportunities')
@Roles('analyst')
@Controller('opportunities')
export class OpportunityQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('pipeline')
  @ApiOperation({ summary: 'The weighted open pipeline per currency and stage' })
  @ApiQueryResponses(PipelineSummaryDto, 'Σ amount and Σ amount × probability of open opportunities')
  pipeline(): Promise<PipelineSummary> {
    return this.queries.execute(new GetPipelineSummaryQuery());
  }

  @Get(':opportunityId')
  @ApiOperation({ summary: 'One opportunity' })
  @ApiQueryResponses(OpportunityDto, 'The opportunity document', { notFound: 'Unknown opportunity' })
  get(@IdParam('opportunityId') opportunityId: string): Promise<OpportunityDocument> {
    return this.queries.execute(new GetOpportunityQuery(opportunityId));
  }
}
