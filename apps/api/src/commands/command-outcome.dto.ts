import { ApiProperty } from '@nestjs/swagger';
import type { AppendedEvent, CommandOutcome } from '@crm/application';

class AppendedEventDto implements AppendedEvent {
  @ApiProperty({ format: 'uuid', description: 'Derived from the command id and the event index' })
  id!: string;

  @ApiProperty({ example: 'Purchased' })
  type!: string;

  @ApiProperty({ example: 3 })
  revision!: number;

  @ApiProperty({ example: 1042, description: 'Position in the global log' })
  position!: number;
}

export class CommandOutcomeDto implements CommandOutcome {
  @ApiProperty({ example: '7d3f2a9e-2b1c-4c55-9a0e-4b1f0c1d2e3f' })
  commandId!: string;

  @ApiProperty({ example: 'customer-c-000042' })
  streamId!: string;

  @ApiProperty({ example: 3, description: 'The stream revision after the command; also the ETag' })
  revision!: number;

  @ApiProperty({ type: [AppendedEventDto] })
  events!: AppendedEventDto[];

  @ApiProperty({ description: 'True when this answers a retry: nothing was appended this time' })
  replayed!: boolean;
}
