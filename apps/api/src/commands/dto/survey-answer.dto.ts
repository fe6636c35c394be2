import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CommandBodyDto } from './command-body.dto';
import { ID_MESSAGE, ID_PATTERN } from './id';
import { IsText } from './text';

/** What NPS and satisfaction answers share besides their score. */
export abstract class SurveyAnswerDto extends CommandBodyDto {
  @ApiProperty({ description: 'The survey answered', example: 'nps-2026-q1' })
  @Matches(ID_PATTERN, { message: ID_MESSAGE })
  surveyId!: string;

  abstract score: number;

  @ApiPropertyOptional({
    description: 'Free-text remark',
    example: 'Fast delivery, friendly staff.',
    maxLength: 4000,
  })
  @IsOptional()
  @IsText(4000)
  comment?: string;
}
