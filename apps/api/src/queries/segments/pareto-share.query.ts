import { Query } from '@nestjs/cqrs';
import type { ParetoShare } from '@crm/projections/customer-spend';

export class GetParetoShareQuery extends Query<ParetoShare> {
  constructor(readonly asOf: string) {
    super();
  }
}
