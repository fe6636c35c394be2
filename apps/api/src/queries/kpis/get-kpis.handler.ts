import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { periodOf } from '@crm/projections/kpi-facts';
import { GetKpisQuery, type KpiReport } from './get-kpis.query';
import { KpiAggregatesFeed } from './kpi-aggregates-feed';

@QueryHandler(GetKpisQuery)
export class GetKpisHandler implements IQueryHandler<GetKpisQuery> {
  constructor(private readonly aggregates: KpiAggregatesFeed) {}

  async execute({ from, to }: GetKpisQuery): Promise<KpiReport> {
    return { from, to, kpis: (await this.aggregates.current()).report(periodOf(from, to)) };
  }
}
