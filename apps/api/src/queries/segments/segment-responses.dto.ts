import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RFM_SEGMENTS,
  type ParetoShare,
  type RfmScore,
  type RfmSegment,
} from '@crm/projections/customer-spend';
import type { RfmSegmentsPage } from './rfm-segments.query';

export class RfmScoreDto implements RfmScore {
  @ApiProperty({ example: 'c-1' })
  customerId!: string;

  @ApiProperty({ description: 'The latest purchase in the window', example: '2025-12-30T19:00:00.000Z' })
  lastPurchaseAt!: string;

  @ApiProperty({ description: 'R: whole days from the last purchase to asOf', example: 1 })
  recencyDays!: number;

  @ApiProperty({ description: 'F: purchases in the window (any currency)', example: 8 })
  frequency!: number;

  @ApiProperty({ description: 'M: net TRY spend in the window, kuruş', example: 900000 })
  monetary!: number;

  @ApiProperty({ minimum: 1, maximum: 5, description: 'R quintile (most recent = 5)', example: 5 })
  r!: number;

  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  f!: number;

  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  m!: number;

  @ApiProperty({ enum: RFM_SEGMENTS, example: 'champions' })
  segment!: RfmSegment;
}

export class SegmentCountsDto implements Record<RfmSegment, number> {
  @ApiProperty({ example: 120 }) champions!: number;
  @ApiProperty({ example: 300 }) loyal!: number;
  @ApiProperty({ example: 80 }) at_risk!: number;
  @ApiProperty({ example: 200 }) hibernating!: number;
  @ApiProperty({ example: 90 }) new!: number;
  @ApiProperty({ example: 210 }) potential!: number;
}

export class RfmSegmentsPageDto implements RfmSegmentsPage {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' })
  asOf!: string;

  @ApiProperty({ example: 730 })
  windowDays!: number;

  @ApiProperty({ example: 'TRY' })
  currency!: string;

  @ApiProperty({ description: 'Listed customers with a purchase in the window', example: 1000 })
  population!: number;

  @ApiProperty({ type: SegmentCountsDto, description: 'Customers per segment, over the whole population' })
  segments!: SegmentCountsDto;

  @ApiProperty({ type: [RfmScoreDto], description: 'Scored customers by id, of `segment` when given' })
  items!: RfmScoreDto[];

  @ApiPropertyOptional({ description: 'Pass as cursor (with the same asOf) for the next page' })
  nextCursor?: string;
}

export class ParetoShareDto implements ParetoShare {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' })
  asOf!: string;

  @ApiProperty({ example: 365 })
  windowDays!: number;

  @ApiProperty({ example: 'TRY' })
  currency!: string;

  @ApiProperty({ description: 'Customers with net spend > 0 in the window', example: 7 })
  population!: number;

  @ApiProperty({ description: 'ceil(population × topPercent / 100)', example: 2 })
  topCount!: number;

  @ApiProperty({ example: 20 })
  topPercent!: number;

  @ApiProperty({ description: 'Net spend of the top customers, kuruş', example: 10900000 })
  topNetSpend!: number;

  @ApiProperty({ description: 'Net spend of the population, kuruş', example: 12170000 })
  totalNetSpend!: number;

  @ApiProperty({ nullable: true, type: Number, description: 'topNetSpend ÷ totalNetSpend', example: 0.8956 })
  share!: number | null;

  @ApiProperty({ description: 'Bought in the window but net ≤ 0 there; left out', example: 0 })
  excludedCustomers!: number;
}
