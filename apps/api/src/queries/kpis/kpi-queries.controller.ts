import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DAY_IN_MS } from '@crm/domain';
import { Roles } from '../../auth/access.decorators';
import { invalidField } from '../../http/validation.pipe';
import { ApiQueryResponses } from '../api-query-responses';
import { GetKpisQuery, type KpiReport } from './get-kpis.query';
import { KpiReportDto } from './kpi-report.dto';
import { KpisQueryDto } from './kpis-query.dto';

export const DEFAULT_KPI_RANGE_DAYS = 30;
/** Two years and a day: a year-over-year comparison fits, an unbounded scan does not. */
export const MAX_KPI_RANGE_DAYS = 731;

@ApiTags('kpis')
@Controller('kpis')
export class KpiQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('analyst')
  @ApiOperation({
    summary: 'Every KPI of RULES.md over the period (from, to], with its definition and record count',
  })
  @ApiQueryResponses(KpiReportDto, 'One entry per KPI (per cohort month, stage, campaign or currency)')
  kpis(@Query() { from, to }: KpisQueryDto): Promise<KpiReport> {
    const toMs = to === undefined ? Date.now() : Date.parse(to);
    const fromMs = from === undefined ? toMs - DEFAULT_KPI_RANGE_DAYS * DAY_IN_MS : Date.parse(from);
    if (fromMs >= toMs) {
      throw invalidField('from', 'must be before to');
    }
    if (toMs - fromMs > MAX_KPI_RANGE_DAYS * DAY_IN_MS) {
      throw invalidField('from', `the period from-to must not exceed ${MAX_KPI_RANGE_DAYS} days`);
    }
    return this.queries.execute(
      new GetKpisQuery(new Date(fromMs).toISOString(), new Date(toMs).toISOString()),
    );
  }
}
