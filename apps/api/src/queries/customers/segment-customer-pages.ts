import { Injectable } from '@nestjs/common';
import type { RfmSegment } from '@crm/projections/customer-spend';
import type { Customer360 } from '@crm/projections/customer-360';
import type { PageOf } from '../page.dto';
import { READ_MODELS, ReadModels } from '../read-models';
import { CurrentRfm } from '../segments/current-rfm';
import { decodeAfterCursor, encodeAfterCursor, startAfter } from '../segments/segment-cursor';
import { matchesCustomerFilter } from './customer-filter-match';
import type { CustomerFilter } from './list-customers.query';

const BATCH = 200;

/**
 * Customers of one RFM segment (as of now) that also pass the other filters: pages over the segment's
 * sorted ids and fetches their 360 documents by id, so paging stays stable while scores are cached.
 */
@Injectable()
export class SegmentCustomerPages {
  constructor(
    private readonly readModels: ReadModels,
    private readonly currentRfm: CurrentRfm,
  ) {}

  async page(
    segment: RfmSegment,
    filter: CustomerFilter,
    limit: number,
    cursor?: string,
  ): Promise<PageOf<Customer360>> {
    const list = `customers:${segment}`;
    const { customers } = await this.currentRfm.get();
    const ids = customers.filter((score) => score.segment === segment).map((score) => score.customerId);
    const found: Customer360[] = [];
    // One match more than the page tells whether a next page exists.
    for (
      let from = startAfter(ids, decodeAfterCursor(list, cursor));
      from < ids.length && found.length <= limit;

    ) {
      const chunk = ids.slice(from, from + BATCH);
      found.push(...(await this.matching(chunk, filter)));
      from += chunk.length;
    }
    const items = found.slice(0, limit);
    return {
      items,
      ...(found.length > limit
        ? { nextCursor: encodeAfterCursor(list, items[items.length - 1].customerId) }
        : {}),
    };
  }

  private async matching(ids: readonly string[], filter: CustomerFilter): Promise<Customer360[]> {
    const documents = await this.readModels.getMany(READ_MODELS.customer360, ids);
    return ids.flatMap((id) => {
      const customer = documents.get(id)?.body as Customer360 | undefined;
      return customer !== undefined && matchesCustomerFilter(customer, filter) ? [customer] : [];
    });
  }
}
