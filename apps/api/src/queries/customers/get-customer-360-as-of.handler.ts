import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerStream } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import { type Customer360, customer360AsOf } from '@crm/projections/customer-360';
import { GetCustomer360AsOfQuery } from './get-customer-360-as-of.query';

@QueryHandler(GetCustomer360AsOfQuery)
export class GetCustomer360AsOfHandler implements IQueryHandler<GetCustomer360AsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async execute({ customerId, asOf }: GetCustomer360AsOfQuery): Promise<Customer360> {
    const stream = await this.events.readStream(customerStream(customerId), { toRevision: asOf.revision });
    const view = customer360AsOf(stream, asOf);
    if (view === null) throw new NotFoundException(`customer ${customerId} had no events by then`);
    return view;
  }
}
