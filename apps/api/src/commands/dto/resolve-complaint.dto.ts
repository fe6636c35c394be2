import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { CommandBodyDto } from './command-body.dto';
import { IsText } from './text';

export class ResolveComplaintDto extends CommandBodyDto {
  @ApiProperty({ description: 'Resolved in the first contact, without a follow-up', example: true })
  @IsBoolean({ message: 'firstContact must be true or false' })
  firstContact!: boolean;

  @ApiProperty({ description: 'How it was resolved', example: 'Refunded the shipping fee.', maxLength: 4000 })
  @IsText(4000)
  resolution!: string;
}
