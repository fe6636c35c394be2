import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A non-blank string of at most `max` characters, as the domain's requireText accepts. */
export const IsText = (max: number): PropertyDecorator =>
  applyDecorators(
    IsString({ message: '$property must be a string' }),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  );
