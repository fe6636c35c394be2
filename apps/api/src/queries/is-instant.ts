import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const WITH_TIME_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant: date, time and time zone, such as 2026-03-01T09:00:00Z. */
export const IsInstant = (): PropertyDecorator =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be an ISO 8601 instant' }),
    Matches(WITH_TIME_ZONE, { message: '$property must be an ISO 8601 instant with time and time zone' }),
  );
