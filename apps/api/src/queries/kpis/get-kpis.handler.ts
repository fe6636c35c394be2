import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { computeKpis, periodOf } from '@crm/projections/kpi-facts';
import { GetKpisQuery, type KpiReport } from './get-kpis.query';
import { KpiSources } from './kpi-sources';

@QueryHandler(GetKpisQuery)
export class GetKpisHandler implements IQueryHandler<GetKpisQuery> {
  constructor(private readonly sources: KpiSources) {}

  async execute({ from, to }: GetKpisQuery): Promise<KpiReport> {
    const period = periodOf(from, to);
    return { from, to, kpis: computeKpis(await this.sources.load(period), period) };
  }
}
