import { Query } from '@nestjs/cqrs';
import type { Customer360 } from '@crm/projections/customer-360';

export interface VersionedCustomer360 {
  readonly document: Customer360;
  /** The read-store version of the document: the global position of the last event applied. */
  readonly version: number;
}

export class GetCustomer360Query extends Query<VersionedCustomer360> {
  constructor(readonly customerId: string) {
    super();
  }
}
