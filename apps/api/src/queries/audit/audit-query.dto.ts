import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AUDIT_TRAIL_EVENT_TYPES } from '@crm/projections/audit-trail';
import { ID_MESSAGE, ID_PATTERN } from '../../commands/dto/id';
import { IsText } from '../../commands/dto/text';
import { IsInstant } from '../../http/instant';
import { PageQueryDto } from '../page-query.dto';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'c-000042' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  customerId?: string;

  @ApiPropertyOptional({
    description: 'The actor id (token subject) recorded in the events',
    example: 'svc-orders',
  })
  @IsOptional()
  @Matches(/^[\p{L}\p{N}._:@-]{1,200}$/u, { message: 'actor must be 1-200 letters, digits or . _ : @ -' })
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_TRAIL_EVENT_TYPES })
  @IsOptional()
  @IsIn(AUDIT_TRAIL_EVENT_TYPES)
  type?: string;

  @ApiPropertyOptional({
    description: 'occurredAt at or after this instant',
    example: '2026-03-01T00:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'occurredAt at or before this instant',
    example: '2026-03-31T23:59:59Z',
  })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'Why the trail is read, recorded in the access log', maxLength: 200 })
  @IsOptional()
  @IsText(200)
  purpose?: string;
}
