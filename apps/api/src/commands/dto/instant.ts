import { isIsoInstant } from '@crm/domain';
import { ValidateBy } from 'class-validator';

/** An ISO 8601 instant with a time zone, as the domain's requireInstant accepts. */
export const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) => isIsoInstant(value),
      defaultMessage: () =>
        '$property must be an ISO 8601 instant with a time zone, e.g. 2026-01-31T09:00:00Z',
    },
  });
