import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { RFM_SEGMENTS, type RfmSegment } from '@crm/projections/customer-spend';
import { IsInstant } from '../../http/instant';
import { PageQueryDto } from '../page-query.dto';

const AS_OF = {
  description: 'The instant to measure at (ISO 8601 with time zone); default now',
  example: '2026-01-01T00:00:00Z',
};

export class RfmQueryDto extends PageQueryDto {
  @ApiPropertyOptional(AS_OF)
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ enum: RFM_SEGMENTS, description: 'List only this segment; the summary stays whole' })
  @IsOptional()
  @IsIn(RFM_SEGMENTS)
  segment?: RfmSegment;
}

export class ParetoQueryDto {
  @ApiPropertyOptional(AS_OF)
  @IsOptional()
  @IsInstant()
  asOf?: string;
}
