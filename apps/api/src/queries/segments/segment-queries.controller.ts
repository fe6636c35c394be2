import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ParetoShare } from '@crm/projections/customer-spend';
import { Roles } from '../../auth/access.decorators';
import { ApiQueryResponses } from '../api-query-responses';
import { GetParetoShareQuery } from './pareto-share.query';
import { GetRfmSegmentsQuery, type RfmSegmentsPage } from './rfm-segments.query';
import { ParetoQueryDto, RfmQueryDto } from './segment-queries.dto';
import { ParetoShareDto, RfmSegmentsPageDto } from './segment-responses.dto';

const now = (): string => new Date().toISOString();

@ApiTags('segments')
@Controller('segments')
export class SegmentQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('rfm')
  @Roles('analyst')
  @ApiOperation({
    summary: 'RFM scores and segments as of an instant: counts per segment and a page of customers',
  })
  @ApiQueryResponses(RfmSegmentsPageDto, 'The segment summary and one page of scored customers')
  rfm(@Query() { asOf, segment, limit, cursor }: RfmQueryDto): Promise<RfmSegmentsPage> {
    return this.queries.execute(new GetRfmSegmentsQuery(asOf ?? now(), limit, segment, cursor));
  }

  @Get('pareto')
  @Roles('analyst')
  @ApiOperation({ summary: 'The 80/20 view: share of net spend (365 days) from the top 20% of customers' })
  @ApiQueryResponses(ParetoShareDto, 'The share and the numbers behind it')
  pareto(@Query() { asOf }: ParetoQueryDto): Promise<ParetoShare> {
    return this.queries.execute(new GetParetoShareQuery(asOf ?? now()));
  }
}
