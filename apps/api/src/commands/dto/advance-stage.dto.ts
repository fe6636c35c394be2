import { ApiProperty } from '@nestjs/swagger';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@crm/domain';
import { CommandBodyDto } from './command-body.dto';
import { IsOneOf } from './one-of';

export class AdvanceStageDto extends CommandBodyDto {
  @ApiProperty({
    description: 'A later stage, or churned; a churned customer leaves churned only by purchasing',
    enum: LIFECYCLE_STAGES,
    example: 'prospect',
  })
  @IsOneOf(LIFECYCLE_STAGES)
  to!: LifecycleStage;
}
