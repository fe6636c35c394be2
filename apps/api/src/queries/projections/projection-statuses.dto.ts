import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProjectionStatus } from '@crm/projection-runtime';
import type { ProjectionStatuses } from './get-projection-statuses.query';

class ProjectionStatusDto implements ProjectionStatus {
  @ApiProperty({ example: 'customer-360' })
  name!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ example: 'customer_360_v2' })
  collection!: string;

  @ApiProperty({ enum: ['idle', 'running', 'stopping'] })
  state!: 'idle' | 'running' | 'stopping';

  @ApiProperty({ description: 'Checkpoint: every event at or below it is applied or dead-lettered' })
  position!: number;

  @ApiProperty()
  headPosition!: number;

  @ApiProperty()
  lagEvents!: number;

  @ApiPropertyOptional({ description: 'Now minus recordedAt of the newest applied event' })
  lagMs!: number | undefined;

  @ApiProperty()
  eventsPerSecond!: number;

  @ApiProperty()
  deadLetters!: number;

  @ApiPropertyOptional({ description: 'The last batch failure, cleared by the next successful batch' })
  lastError?: string;
}

export class ProjectionStatusesDto implements ProjectionStatuses {
  @ApiProperty({ type: [ProjectionStatusDto] })
  projections!: ProjectionStatusDto[];

  @ApiPropertyOptional({ description: 'Present when this process runs no projections' })
  note?: string;
}
