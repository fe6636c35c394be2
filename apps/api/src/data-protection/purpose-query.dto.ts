import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsText } from '../commands/dto/text';

/** Why the caller reads personal or audit data; recorded with the access (purpose limitation, KVKK art. 4). */
export class PurposeQueryDto {
  @ApiPropertyOptional({
    description: 'Why the data is read, recorded in the access log',
    example: 'KVKK subject access request #2026-204',
    maxLength: 200,
  })
  @IsOptional()
  @IsText(200)
  purpose?: string;
}
