import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DEFAULT_SEGMENTATION_POLICY, rfmScores } from '@crm/projections/customer-spend';
import { GetRfmSegmentsQuery, type RfmSegmentsPage } from './rfm-segments.query';
import { decodeAfterCursor, encodeAfterCursor, startAfter } from './segment-cursor';
import { SegmentLedgers } from './segment-ledgers';

@QueryHandler(GetRfmSegmentsQuery)
export class GetRfmSegmentsHandler implements IQueryHandler<GetRfmSegmentsQuery> {
  constructor(private readonly ledgers: SegmentLedgers) {}

  async execute({ asOf, limit, segment, cursor }: GetRfmSegmentsQuery): Promise<RfmSegmentsPage> {
    const list = `rfm:${segment ?? '*'}`;
    const after = decodeAfterCursor(list, cursor);
    const window = DEFAULT_SEGMENTATION_POLICY.rfmWindowDays;
    const { customers, ...summary } = rfmScores(await this.ledgers.withPurchaseWithin(asOf, window), asOf);
    const listed = segment === undefined ? customers : customers.filter((score) => score.segment === segment);
    const from = startAfter(
      listed.map((score) => score.customerId),
      after,
    );
    const items = listed.slice(from, from + limit);
    const more = from + limit < listed.length;
    return {
      ...summary,
      items,
      ...(more ? { nextCursor: encodeAfterCursor(list, items[items.length - 1].customerId) } : {}),
    };
  }
}
