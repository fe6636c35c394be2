import { ApiProperty } from '@nestjs/swagger';
import { CommandBodyDto } from './command-body.dto';
import { IsText } from './text';

export class ReopenComplaintDto extends CommandBodyDto {
  @ApiProperty({
    description: 'Why the resolution did not hold',
    example: 'The refund never arrived.',
    maxLength: 4000,
  })
  @IsText(4000)
  reason!: string;
}
