import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { type Tier, TIERS } from '@crm/domain';
import { READ_MODELS, ReadModels } from '../read-models';
import { GetTierSummaryQuery, type TierSummary } from './get-tier-summary.query';

@QueryHandler(GetTierSummaryQuery)
export class GetTierSummaryHandler implements IQueryHandler<GetTierSummaryQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute(): Promise<TierSummary> {
    const counts = await Promise.all(TIERS.map((tier) => this.listedIn(tier)));
    return {
      ...(Object.fromEntries(TIERS.map((tier, i) => [tier, counts[i]])) as Record<Tier, number>),
      total: counts.reduce((sum, count) => sum + count, 0),
    };
  }

  private listedIn(tier: Tier): Promise<number> {
    return this.readModels.count(READ_MODELS.loyaltyTier, [
      { field: 'tier', op: 'eq', value: tier },
      { field: 'listed', op: 'eq', value: true },
    ]);
  }
}
