import { Query } from '@nestjs/cqrs';
import type { RfmResult, RfmScore, RfmSegment } from '@crm/projections/customer-spend';

/** The RFM summary of the whole population and one page of its scored customers, by customer id. */
export interface RfmSegmentsPage extends Omit<RfmResult, 'customers'> {
  readonly items: readonly RfmScore[];
  readonly nextCursor?: string;
}

export class GetRfmSegmentsQuery extends Query<RfmSegmentsPage> {
  constructor(
    readonly asOf: string,
    readonly limit: number,
    readonly segment?: RfmSegment,
    readonly cursor?: string,
  ) {
    super();
  }
}
