import { InvalidInputError } from './domain-error';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO-8601 instant with an explicit offset; time never comes from the local clock. */
export const isIsoInstant = (value: unknown): value is string =>
  typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));

export const requireInstant = (field: string, value: unknown): string => {
  if (!isIsoInstant(value)) {
    throw new InvalidInputError(
      field,
      'must be an ISO-8601 instant with a time zone, e.g. 2026-01-31T09:00:00Z',
    );
  }
  return value;
};

export const toEpochMs = (instant: string): number => Date.parse(instant);

export const addDays = (instant: string, days: number): string =>
  new Date(Date.parse(instant) + days * DAY_MS).toISOString();

export const DAY_IN_MS = DAY_MS;
