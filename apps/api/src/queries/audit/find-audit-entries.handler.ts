import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AuditEntry } from '@crm/projections/audit-trail';
import type { PageOf } from '../page.dto';
import { READ_MODELS, ReadModels } from '../read-models';
import { auditConditions } from './audit-conditions';
import { FindAuditEntriesQuery } from './find-audit-entries.query';

/** Entries in log order (their ids are zero-padded global positions). */
@QueryHandler(FindAuditEntriesQuery)
export class FindAuditEntriesHandler implements IQueryHandler<FindAuditEntriesQuery> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ filter, limit, cursor }: FindAuditEntriesQuery): Promise<PageOf<AuditEntry>> {
    const page = await this.readModels.find(READ_MODELS.auditTrail, {
      where: auditConditions(filter),
      limit,
      cursor,
    });
    return {
      items: page.items.map((item) => item.body as AuditEntry),
      ...(page.nextCursor === undefined ? {} : { nextCursor: page.nextCursor }),
    };
  }
}
