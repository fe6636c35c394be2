import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsInstant } from '../../http/instant';
import { QueryInteger } from '../query-integer';

export class Customer360QueryDto {
  @ApiPropertyOptional({
    description: 'Replay the stream up to this instant (events with occurredAt at or before it)',
    example: '2026-03-01T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Replay the stream up to this revision (inclusive)', minimum: 0 })
  @IsOptional()
  @QueryInteger(0)
  asOfRevision?: number;
}
