import { ApiProperty } from '@nestjs/swagger';
import { IsInstant } from '../http/instant';

export class RunTierReviewDto {
  @ApiProperty({
    description: 'The instant to review at (not in the future); the scheduled run uses its own minute',
    example: '2026-04-01T02:00:00+03:00',
  })
  @IsInstant()
  asOf!: string;
}
