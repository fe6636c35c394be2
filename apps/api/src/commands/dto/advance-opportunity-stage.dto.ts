import { ApiProperty } from '@nestjs/swagger';
import { OPEN_OPPORTUNITY_STAGES, type OpenOpportunityStage } from '@crm/domain';
import { CommandBodyDto } from './command-body.dto';
import { IsOneOf } from './one-of';

export class AdvanceOpportunityStageDto extends CommandBodyDto {
  @ApiProperty({
    description: 'A later open stage; stages only move forward',
    enum: OPEN_OPPORTUNITY_STAGES,
    example: 'proposal',
  })
  @IsOneOf(OPEN_OPPORTUNITY_STAGES)
  to!: OpenOpportunityStage;
}
