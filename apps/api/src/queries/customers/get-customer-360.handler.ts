import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { READ_MODELS, ReadModels } from '../read-models';
import { customer360Revision } from './customer-360-revision';
import { type Customer360Json, GetCustomer360Query } from './get-customer-360.query';

@QueryHandler(GetCustomer360Query)
export class GetCustomer360Handler implements IQueryHandler<GetCustomer360Query> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ customerId }: GetCustomer360Query): Promise<Customer360Json> {
    const stored = await this.readModels.getJson(READ_MODELS.customer360, customerId);
    if (stored === undefined) throw new NotFoundException(`customer ${customerId} not found`);
    return { json: stored.json, revision: customer360Revision(stored.json) };
  }
}
