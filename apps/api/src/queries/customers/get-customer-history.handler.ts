import { Inject, NotFoundException } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { customerStream, type EventEnvelope, toEpochMs } from '@crm/domain';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE } from '@crm/platform';
import { invalidField } from '../../http/validation.pipe';
import type { PageOf } from '../page.dto';
import { GetCustomerHistoryQuery } from './get-customer-history.query';

const revisionOf = (cursor: string | undefined): number => {
  if (cursor === undefined) return 0;
  if (!/^(0|[1-9][0-9]{0,15})$/.test(cursor)) {
    throw invalidField('cursor', 'must be a nextCursor returned by this endpoint');
  }
  return Number(cursor);
};

const occurredBy =
  (asOf: string | undefined) =>
  (event: EventEnvelope): boolean =>
    asOf === undefined || toEpochMs(event.occurredAt) <= toEpochMs(asOf);

@QueryHandler(GetCustomerHistoryQuery)
export class GetCustomerHistoryHandler implements IQueryHandler<GetCustomerHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly events: EventStore) {}

  async execute({
    customerId,
    limit,
    asOf,
    cursor,
  }: GetCustomerHistoryQuery): Promise<PageOf<EventEnvelope>> {
    const fromRevision = revisionOf(cursor);
    const stream = await this.events.readStream(customerStream(customerId), { fromRevision });
    if (fromRevision === 0 && stream.length === 0)
      throw new NotFoundException(`customer ${customerId} not found`);
    const matching = stream.filter(occurredBy(asOf));
    const items = matching.slice(0, limit);
    return matching.length > limit
      ? { items, nextCursor: String(items[items.length - 1].revision + 1) }
      : { items };
  }
}
