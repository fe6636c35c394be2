import { Query } from '@nestjs/cqrs';
import type { Customer360, Customer360AsOf } from '@crm/projections/customer-360';

/** The customer 360 as it stood at an instant and/or stream revision, replayed from the event stream. */
export class GetCustomer360AsOfQuery extends Query<Customer360> {
  constructor(
    readonly customerId: string,
    readonly asOf: Customer360AsOf,
  ) {
    super();
  }
}
