import { Query } from '@nestjs/cqrs';
import type { AuditEntry } from '@crm/projections/audit-trail';
import type { PageOf } from '../page.dto';

export interface AuditFilter {
  readonly customerId?: string;
  readonly actorId?: string;
  readonly type?: string;
  /** occurredAt at or after this instant. */
  readonly from?: string;
  /** occurredAt at or before this instant. */
  readonly to?: string;
}

export class FindAuditEntriesQuery extends Query<PageOf<AuditEntry>> {
  constructor(
    readonly filter: AuditFilter,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
