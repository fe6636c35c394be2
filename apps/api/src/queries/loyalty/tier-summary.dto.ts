import { ApiProperty } from '@nestjs/swagger';
import type { TierSummary } from './get-tier-summary.query';

export class TierSummaryDto implements TierSummary {
  @ApiProperty({ example: 812 })
  bronze!: number;

  @ApiProperty({ example: 140 })
  silver!: number;

  @ApiProperty({ example: 41 })
  gold!: number;

  @ApiProperty({ example: 7 })
  platinum!: number;

  @ApiProperty({ description: 'Listed customers; erased customers drop out', example: 1000 })
  total!: number;
}
