import { InvalidInputError } from './domain-error';

export const requireText = (field: string, value: unknown, maxLength = 200): string => {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new InvalidInputError(field, 'must be a non-empty string');
  }
  if (value.length > maxLength) {
    throw new InvalidInputError(field, `must be at most ${maxLength} characters`);
  }
  return value;
};

export const optionalText = (field: string, value: unknown, maxLength = 200): string | undefined =>
  value === undefined ? undefined : requireText(field, value, maxLength);

export const requireIntegerInRange = (field: string, value: unknown, min: number, max: number): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(field, `must be an integer from ${min} to ${max}`);
  }
  return value;
};

export const requireOneOf = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T => {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidInputError(field, `must be one of ${allowed.join(', ')}`);
  }
  return value as T;
};

export const requireBoolean = (field: string, value: unknown): boolean => {
  if (typeof value !== 'boolean') {
    throw new InvalidInputError(field, 'must be true or false');
  }
  return value;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const requireEmail = (field: string, value: unknown): string => {
  const email = requireText(field, value, 254);
  if (!EMAIL.test(email)) {
    throw new InvalidInputError(field, 'must be an email address');
  }
  return email;
};
