import { ApiProperty } from '@nestjs/swagger';
import { OPEN_OPPORTUNITY_STAGES } from '@crm/domain';

class StageTotalsDto {
  @ApiProperty({ example: 3 })
  count!: number;

  @ApiProperty({
    description: 'Σ amount, minor units, as a decimal string (exact however large)',
    example: '4500000',
    pattern: '^[0-9]+$',
  })
  amount!: string;

  @ApiProperty({
    description: '⌊Σ amount × probability / 100⌋, minor units, as a decimal string (exact however large)',
    example: '2250000',
    pattern: '^[0-9]+$',
  })
  weightedAmount!: string;
}

class CurrencyPipelineDto {
  @ApiProperty({ example: 'TRY' })
  currency!: string;

  @ApiProperty({
    description: `Totals per open stage: ${OPEN_OPPORTUNITY_STAGES.join(', ')}`,
    additionalProperties: { $ref: '#/components/schemas/StageTotalsDto' },
  })
  stages!: Record<string, StageTotalsDto>;

  @ApiProperty({ type: StageTotalsDto })
  total!: StageTotalsDto;
}

export class PipelineSummaryDto {
  @ApiProperty({ type: [CurrencyPipelineDto], description: 'One entry per currency; never converted' })
  currencies!: CurrencyPipelineDto[];
}

export class OpportunityDto {
  @ApiProperty({ example: 'o-1' })
  opportunityId!: string;

  @ApiProperty({ nullable: true, type: String, example: 'c-000042' })
  customerId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  title!: string | null;

  @ApiProperty({ enum: ['none', 'open', 'won', 'lost'] })
  status!: string;

  @ApiProperty({ enum: OPEN_OPPORTUNITY_STAGES, nullable: true })
  stage!: string | null;

  @ApiProperty({ description: 'Minor units of currency', example: 1_500_000 })
  amount!: number;

  @ApiProperty({ nullable: true, type: String, example: 'TRY' })
  currency!: string | null;

  @ApiProperty({ description: 'Whole percent', example: 50 })
  probability!: number;
}
