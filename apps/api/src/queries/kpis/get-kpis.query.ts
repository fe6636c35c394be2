import { Query } from '@nestjs/cqrs';
import type { Kpi } from '@crm/projections/kpi-facts';

export interface KpiReport {
  readonly from: string;
  readonly to: string;
  readonly kpis: readonly Kpi[];
}

/** The KPIs of the period (from, to]; both instants are already validated and normalised to UTC. */
export class GetKpisQuery extends Query<KpiReport> {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
