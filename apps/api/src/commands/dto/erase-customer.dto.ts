import { ApiProperty } from '@nestjs/swagger';
import { CommandBodyDto } from './command-body.dto';
import { IsText } from './text';

export class EraseCustomerDto extends CommandBodyDto {
  @ApiProperty({
    description: 'Why (e.g. the erasure request reference)',
    example: 'KVKK erasure request #2026-118',
    maxLength: 500,
  })
  @IsText(500)
  reason!: string;
}
