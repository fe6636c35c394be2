import { Query } from '@nestjs/cqrs';
import type { LifecycleStage, Tier } from '@crm/domain';
import type { Customer360 } from '@crm/projections/customer-360';
import type { RfmSegment } from '@crm/projections/customer-spend';
import type { PageOf } from '../page.dto';

export interface CustomerFilter {
  readonly tier?: Tier;
  readonly stage?: LifecycleStage;
  readonly churnRisk?: boolean;
  /** Name prefix, or e-mail prefix when it contains `@`; any case. */
  readonly q?: string;
  /** RFM segment as of now. */
  readonly segment?: RfmSegment;
}

export class ListCustomersQuery extends Query<PageOf<Customer360>> {
  constructor(
    readonly filter: CustomerFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
