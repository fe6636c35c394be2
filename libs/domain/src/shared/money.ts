import { InvalidInputError } from './domain-error';

/** An amount in integer minor units (kuruş for TRY) and an ISO-4217 currency code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

export const isCurrencyCode = (value: unknown): value is string =>
  typeof value === 'string' && CURRENCY.test(value);

/** Validates and returns a Money; zero is allowed, fractions and negatives are not. */
export const money = (amount: unknown, currency: unknown, field = 'amount'): Money => {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    throw new InvalidInputError(`${field}.amount`, 'must be a safe integer number of minor units');
  }
  if (amount < 0) {
    throw new InvalidInputError(`${field}.amount`, 'must not be negative');
  }
  if (!isCurrencyCode(currency)) {
    throw new InvalidInputError(`${field}.currency`, 'must be a three-letter uppercase ISO-4217 code');
  }
  return { amount, currency };
};

export const requireMoney = (field: string, value: unknown): Money => {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidInputError(field, 'must be an object with amount and currency');
  }
  const candidate = value as { amount?: unknown; currency?: unknown };
  return money(candidate.amount, candidate.currency, field);
};

export const requirePositiveMoney = (field: string, value: unknown): Money => {
  const result = requireMoney(field, value);
  if (result.amount === 0) {
    throw new InvalidInputError(`${field}.amount`, 'must be greater than zero');
  }
  return result;
};

export const sameCurrency = (a: Money, b: Money): boolean => a.currency === b.currency;

export const addMoney = (a: Money, b: Money): Money => {
  if (!sameCurrency(a, b)) {
    throw new InvalidInputError('currency', `cannot add ${a.currency} to ${b.currency}`);
  }
  return money(a.amount + b.amount, a.currency);
};

export const subtractMoney = (a: Money, b: Money): Money => {
  if (!sameCurrency(a, b)) {
    throw new InvalidInputError('currency', `cannot subtract ${b.currency} from ${a.currency}`);
  }
  return money(a.amount - b.amount, a.currency);
};
