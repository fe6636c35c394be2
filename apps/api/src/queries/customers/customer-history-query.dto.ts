import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText } from '../../commands/dto/text';
import { IsInstant } from '../../http/instant';
import { PageQueryDto } from '../page-query.dto';

export class CustomerHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Only events that occurred at or before this instant',
    example: '2026-03-01T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Why the events are read, recorded in the access log', maxLength: 200 })
  @IsOptional()
  @IsText(200)
  purpose?: string;
}
