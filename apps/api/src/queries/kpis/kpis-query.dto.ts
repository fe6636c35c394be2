import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../../http/instant';

export class KpisQueryDto {
  @ApiPropertyOptional({
    description: 'Start of the period, exclusive; default `to` − 30 days',
    example: '2026-03-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'End of the period, inclusive, and the "as of" instant; default now',
    example: '2026-04-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  to?: string;
}
