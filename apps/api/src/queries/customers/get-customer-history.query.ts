import { Query } from '@nestjs/cqrs';
import type { EventEnvelope } from '@crm/domain';
import type { PageOf } from '../page.dto';

/** The customer's stream, oldest first; the cursor is the revision to continue from. */
export class GetCustomerHistoryQuery extends Query<PageOf<EventEnvelope>> {
  constructor(
    readonly customerId: string,
    readonly limit: number,
    readonly asOf?: string,
    readonly cursor?: string,
  ) {
    super();
  }
}
