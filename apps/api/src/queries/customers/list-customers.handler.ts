import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Customer360 } from '@crm/projections/customer-360';
import type { PageOf } from '../page.dto';
import { READ_MODELS, ReadModels } from '../read-models';
import { customerConditions } from './customer-conditions';
import { ListCustomersQuery } from './list-customers.query';
import { SegmentCustomerPages } from './segment-customer-pages';

@QueryHandler(ListCustomersQuery)
export class ListCustomersHandler implements IQueryHandler<ListCustomersQuery> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly segmentPages: SegmentCustomerPages,
  ) {}

  async execute({ filter, limit, cursor }: ListCustomersQuery): Promise<PageOf<Customer360>> {
    if (filter.segment !== undefined) {
      return this.segmentPages.page(filter.segment, filter, limit, cursor);
    }
    const page = await this.readModels.find(READ_MODELS.customer360, {
      where: customerConditions(filter),
      limit,
      cursor,
    });
    return {
      items: page.items.map((item) => item.body as unknown as Customer360),
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    };
  }
}
