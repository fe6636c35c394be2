import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** Decimal digits without a sign or leading zeros, short enough to stay an exact number. */
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * An integer query parameter, written in decimal: `0x10`, `1e3`, ` 7`, `+7`, `007` and an empty value are
 * refused (Number() would read them as 16, 1000, 7, 7, 7 and 0), not reinterpreted.
 */
export const QueryInteger = (min: number, max: number = Number.MAX_SAFE_INTEGER): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value,
    ),
    IsInt({ message: '$property must be a whole number written in decimal digits' }),
    Min(min, { message: `$property must be at least ${min}` }),
    Max(max, { message: `$property must be at most ${max}` }),
  );
