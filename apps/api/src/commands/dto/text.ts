import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { characterProblem, isSingleLine } from '../../http/input-rules';

/**
 * The three kinds of text the API takes (docs/api.md, "Input rules"). Every string also obeys the character
 * rules of input-rules.ts: well-formed UTF-16, no control characters but tab and line breaks, no
 * bidirectional overrides.
 */

const wellFormed = (singleLine: boolean): PropertyDecorator =>
  ValidateBy({
    name: singleLine ? 'isSingleLineText' : 'isFreeText',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' &&
        characterProblem(value) === undefined &&
        (!singleLine || isSingleLine(value)),
      defaultMessage: () =>
        singleLine
          ? '$property must be one line of text: no tab, line break or other control character'
          : '$property must be text without control characters other than tab and line breaks',
    },
  });

const text = (max: number, singleLine: boolean): PropertyDecorator =>
  applyDecorators(
    IsString({ message: '$property must be a string' }),
    Matches(/\S/, { message: '$property must not be blank' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
    wellFormed(singleLine),
  );

/** Free text (a description, a reason, a comment): tabs and line breaks allowed; not blank; at most `max`. */
export const IsText = (max: number): PropertyDecorator => text(max, false);

/** One line of text (a name, an address line, a title): no tab or line break; not blank; at most `max`. */
export const IsLine = (max: number): PropertyDecorator => text(max, true);

/** A category, channel or reference: letters, digits and `. _ : / -`, inner spaces; starts and ends with a letter or digit. */
export const CATEGORY_PATTERN = /^[\p{L}\p{N}](?:[\p{L}\p{N} ._:/-]*[\p{L}\p{N}])?$/u;

export const IsCategory = (max: number): PropertyDecorator =>
  applyDecorators(
    IsString({ message: '$property must be a string' }),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
    Matches(CATEGORY_PATTERN, {
      message:
        '$property must be letters and digits, with . _ : / - or inner spaces, starting and ending with a letter or digit',
    }),
  );
