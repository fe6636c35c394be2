import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { LIFECYCLE_STAGES, type LifecycleStage, TIERS, type Tier } from '@crm/domain';
import { RFM_SEGMENTS, type RfmSegment } from '@crm/projections/customer-spend';
import { IsLine } from '../../commands/dto/text';
import { PageQueryDto } from '../page-query.dto';

const booleanOf = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListCustomersDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: TIERS })
  @IsOptional()
  @IsIn(TIERS)
  tier?: Tier;

  @ApiPropertyOptional({ enum: LIFECYCLE_STAGES })
  @IsOptional()
  @IsIn(LIFECYCLE_STAGES)
  stage?: LifecycleStage;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(booleanOf)
  @IsBoolean({ message: 'churnRisk must be true or false' })
  churnRisk?: boolean;

  @ApiPropertyOptional({ enum: RFM_SEGMENTS, description: 'RFM segment as of now (docs/segments.md)' })
  @IsOptional()
  @IsIn(RFM_SEGMENTS)
  segment?: RfmSegment;

  @ApiPropertyOptional({
    description: 'Case-insensitive prefix of the name, or of the e-mail address when it contains @',
    example: 'ayş',
  })
  @IsOptional()
  @IsLine(100)
  q?: string;
}
