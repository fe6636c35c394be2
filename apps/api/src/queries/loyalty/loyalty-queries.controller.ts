import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators';
import { ApiQueryResponses } from '../api-query-responses';
import { GetTierSummaryQuery, type TierSummary } from './get-tier-summary.query';
import { TierSummaryDto } from './tier-summary.dto';

@ApiTags('loyalty')
@Controller('loyalty')
export class LoyaltyQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('tiers/summary')
  @Roles('analyst')
  @ApiOperation({ summary: 'How many listed customers hold each loyalty tier' })
  @ApiQueryResponses(TierSummaryDto, 'Counts per tier and in total')
  tierSummary(): Promise<TierSummary> {
    return this.queries.execute(new GetTierSummaryQuery());
  }
}
