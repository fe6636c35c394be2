import { SurveyScore } from './survey-score';
import { SurveyAnswerDto } from './survey-answer.dto';

export class AnswerSatisfactionDto extends SurveyAnswerDto {
  @SurveyScore(1, 5, 4)
  score!: number;
}
