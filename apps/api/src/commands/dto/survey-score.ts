import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** An integer survey score from `min` to `max`, documented and validated alike. */
export const SurveyScore = (min: number, max: number, example: number): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      type: 'integer',
      description: `Integer from ${min} to ${max}`,
      minimum: min,
      maximum: max,
      example,
    }),
    IsInt({ message: `score must be an integer from ${min} to ${max}` }),
    Min(min, { message: `score must be an integer from ${min} to ${max}` }),
    Max(max, { message: `score must be an integer from ${min} to ${max}` }),
  );
