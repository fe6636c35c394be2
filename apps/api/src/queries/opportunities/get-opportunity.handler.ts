import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { OpportunityDocument } from '@crm/projections/opportunities';
import { READ_MODELS, ReadModels } from '../read-models';
import { GetOpportunityQuery } from './get-opportunity.query';

@QueryHandler(GetOpportunityQuery)
export class GetOpportunityHandler implements IQueryHandler<GetOpportunityQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ opportunityId }: GetOpportunityQuery): Promise<OpportunityDocument> {
    const stored = await this.readModels.get(READ_MODELS.opportunities, opportunityId);
    if (stored === undefined) throw new NotFoundException(`opportunity ${opportunityId} not found`);
    return stored.body as OpportunityDocument;
  }
}
