import { Query } from '@nestjs/cqrs';
import type { OpportunityDocument } from '@crm/projections/opportunities';

export class GetOpportunityQuery extends Query<OpportunityDocument> {
  constructor(readonly opportunityId: string) {
    super();
  }
}
