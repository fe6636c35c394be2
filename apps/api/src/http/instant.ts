import { applyDecorators } from '@nestjs/common';
import { normalizeInstant } from '@crm/domain';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/**
 * The one time format of the API, for every body field and query parameter that holds an instant: ISO 8601
 * with date, time and time zone (`2026-03-01T09:00:00Z`, `2026-03-01T12:00:00+03:00`), normalised to UTC
 * with millisecond precision before the handler sees it. A date alone, a time without a zone or a day the
 * calendar lacks is a 400 naming the field.
 */
export const IsInstant = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => normalizeInstant(value) ?? value),
    ValidateBy({
      name: 'isInstant',
      validator: {
        validate: (value: unknown) => normalizeInstant(value) === value,
        defaultMessage: () =>
          '$property must be an ISO 8601 instant with date, time and time zone, e.g. 2026-01-31T09:00:00Z',
      },
    }),
  );
