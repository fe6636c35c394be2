import { ApiProperty } from '@nestjs/swagger';
import { CommandBodyDto } from './command-body.dto';
import { IsText } from './text';

export class LoseOpportunityDto extends CommandBodyDto {
  @ApiProperty({ description: 'Why it was lost', example: 'Chose a competitor on price', maxLength: 500 })
  @IsText(500)
  reason!: string;
}
