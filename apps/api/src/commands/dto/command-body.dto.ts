import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsInstant } from '../../http/instant';
import { COMMAND_ID } from '../command-context';

/** Fields every command body may carry besides its own. */
export abstract class CommandBodyDto {
  @ApiPropertyOptional({
    description: 'Idempotency key, as an alternative to the Idempotency-Key header',
    pattern: COMMAND_ID.source,
    example: '7d3f2a9e-2b1c-4c55-9a0e-4b1f0c1d2e3f',
  })
  @IsOptional()
  @Matches(COMMAND_ID, { message: 'commandId must be 1-128 characters of A-Z, a-z, 0-9, . _ : -' })
  commandId?: string;

  @ApiPropertyOptional({
    description:
      'When it happened, if not now (e.g. an import of past facts): an ISO 8601 instant with time zone, stored in UTC',
    example: '2026-03-01T09:00:00.000Z',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;
}
