import { ApiProperty } from '@nestjs/swagger';
import type { TierReviewSummary } from './tier-review-summary';

export class TierReviewSummaryDto implements TierReviewSummary {
  @ApiProperty({ description: 'The reviewed instant, in UTC', example: '2026-03-31T23:00:00.000Z' })
  asOf!: string;

  @ApiProperty({ description: 'Customers sent a ReviewTier command', example: 42 })
  candidates!: number;

  @ApiProperty({ description: 'Warned: spend below their tier, 30 days of grace', example: 30 })
  warned!: number;

  @ApiProperty({ description: 'Moved one tier down after their grace period', example: 5 })
  downgraded!: number;

  @ApiProperty({ description: 'Warnings withdrawn: spend back at the threshold, or a floor', example: 4 })
  cancelled!: number;

  @ApiProperty({ description: 'Left as they were, e.g. still within their grace period', example: 3 })
  unchanged!: number;

  @ApiProperty({ description: 'Refused or failed; logged with the customer id', example: 0 })
  failed!: number;

  @ApiProperty({
    description: 'Refused: their loyalty record already holds a fact after the reviewed instant',
    example: 0,
  })
  superseded!: number;

  @ApiProperty({
    description: 'Already reviewed at this instant: their first outcome is counted, nothing appended',
    example: 0,
  })
  replayed!: number;
}
