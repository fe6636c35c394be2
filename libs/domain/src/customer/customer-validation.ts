import { InvalidInputError } from '../shared/domain-error';
import { optionalText, requireText } from '../shared/validation';
import type { Address } from './customer-vocabulary';

const PHONE = /^\+?[0-9 ()-]{5,32}$/;
const COUNTRY = /^[A-Z]{2}$/;

export const optionalPhone = (field: string, value: unknown): string | undefined => {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !PHONE.test(value)) {
    throw new InvalidInputError(
      field,
      'must be a phone number of 5-32 digits, spaces, dashes or parentheses',
    );
  }
  return value;
};

export const optionalAddress = (field: string, value: unknown): Address | undefined => {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) {
    throw new InvalidInputError(field, 'must be an object with line1, city and country');
  }
  const candidate = value as Record<string, unknown>;
  const country = candidate['country'];
  if (typeof country !== 'string' || !COUNTRY.test(country)) {
    throw new InvalidInputError(`${field}.country`, 'must be an ISO-3166 alpha-2 code such as TR');
  }
  const line2 = optionalText(`${field}.line2`, candidate['line2']);
  const postalCode = optionalText(`${field}.postalCode`, candidate['postalCode'], 16);
  return {
    line1: requireText(`${field}.line1`, candidate['line1']),
    ...(line2 === undefined ? {} : { line2 }),
    city: requireText(`${field}.city`, candidate['city'], 100),
    ...(postalCode === undefined ? {} : { postalCode }),
    country,
  };
};

/** Drops keys whose value is undefined so that events carry only what was given. */
export const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
