import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINT_PRIORITIES, type ComplaintPriority } from '@crm/domain';
import { CommandBodyDto } from './command-body.dto';
import { IsOneOf } from './one-of';
import { IsText } from './text';

export class PrioritizeComplaintDto extends CommandBodyDto {
  @ApiProperty({ enum: COMPLAINT_PRIORITIES, example: 'high' })
  @IsOneOf(COMPLAINT_PRIORITIES)
  priority!: ComplaintPriority;

  @ApiProperty({ description: 'Why the priority changes', example: 'Platinum customer', maxLength: 500 })
  @IsText(500)
  reason!: string;
}
