import { NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Customer360 } from '@crm/projections/customer-360';
import { READ_MODELS, ReadModels } from '../read-models';
import { GetCustomer360Query, type VersionedCustomer360 } from './get-customer-360.query';

@QueryHandler(GetCustomer360Query)
export class GetCustomer360Handler implements IQueryHandler<GetCustomer360Query> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ customerId }: GetCustomer360Query): Promise<VersionedCustomer360> {
    const stored = await this.readModels.get(READ_MODELS.customer360, customerId);
    if (stored === undefined) throw new NotFoundException(`customer ${customerId} not found`);
    return { document: stored.body as unknown as Customer360, version: stored.version };
  }
}
