import { ApiProperty } from '@nestjs/swagger';
import { CommandBodyDto } from './command-body.dto';
import { IsInstant } from '../../http/instant';

export class ReviewTierDto extends CommandBodyDto {
  @ApiProperty({
    description: 'The instant the review is for; a review at or before the last one changes nothing',
    example: '2026-04-01T00:00:00Z',
  })
  @IsInstant()
  asOf!: string;
}
