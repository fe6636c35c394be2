import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPEN_OPPORTUNITY_STAGES, type OpenOpportunityStage } from '@crm/domain';
import { Type } from 'class-transformer';
import { IsDefined, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CommandBodyDto } from './command-body.dto';
import { ID_MESSAGE, ID_PATTERN } from './id';
import { MoneyDto } from './money.dto';
import { IsOneOf } from './one-of';
import { IsLine } from './text';

export class OpenOpportunityDto extends CommandBodyDto {
  @ApiPropertyOptional({
    description: 'Chosen by the caller, or derived from the idempotency key, or generated',
    example: 'o-2026-0007',
  })
  @IsOptional()
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  opportunityId?: string;

  @ApiProperty({ description: 'A registered, not erased customer', example: 'c-000042' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  customerId!: string;

  @ApiProperty({ description: 'What is being sold', example: 'Fleet renewal 2026', maxLength: 200 })
  @IsLine(200)
  title!: string;

  @ApiProperty({ type: MoneyDto, description: 'Expected deal value' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount!: MoneyDto;

  @ApiPropertyOptional({
    description: 'Starting stage (default qualification)',
    enum: OPEN_OPPORTUNITY_STAGES,
    example: 'qualification',
  })
  @IsOptional()
  @IsOneOf(OPEN_OPPORTUNITY_STAGES)
  stage?: OpenOpportunityStage;
}
