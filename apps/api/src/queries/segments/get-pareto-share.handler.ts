import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DEFAULT_SEGMENTATION_POLICY, paretoShare, type ParetoShare } from '@crm/projections/customer-spend';
import { GetParetoShareQuery } from './pareto-share.query';
import { SegmentLedgers } from './segment-ledgers';

@QueryHandler(GetParetoShareQuery)
export class GetParetoShareHandler implements IQueryHandler<GetParetoShareQuery> {
  constructor(private readonly ledgers: SegmentLedgers) {}

  async execute({ asOf }: GetParetoShareQuery): Promise<ParetoShare> {
    // Net spend > 0 in the window needs a purchase in it, so the same bound loads the whole population.
    const window = DEFAULT_SEGMENTATION_POLICY.paretoWindowDays;
    return paretoShare(await this.ledgers.withPurchaseWithin(asOf, window), asOf);
  }
}
