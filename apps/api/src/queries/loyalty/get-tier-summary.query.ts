import { Query } from '@nestjs/cqrs';
import type { Tier } from '@crm/domain';

/** Listed (not erased) customers per loyalty tier, and in total. */
export type TierSummary = Readonly<Record<Tier | 'total', number>>;

export class GetTierSummaryQuery extends Query<TierSummary> {}
