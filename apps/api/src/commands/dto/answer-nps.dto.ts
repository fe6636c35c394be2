import { SurveyScore } from './survey-score';
import { SurveyAnswerDto } from './survey-answer.dto';

export class AnswerNpsDto extends SurveyAnswerDto {
  @SurveyScore(0, 10, 9)
  score!: number;
}
