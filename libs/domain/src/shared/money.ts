import { InvalidInputError } from './domain-error';

/** An amount in integer minor units (kuruş for TRY) and an ISO-4217 currency code. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

const CURRENCY = /^[A-Z]{3}$/;

/**
 * The largest single amount a command may carry: 10^12 minor units (10,000,000,000.00 TRY), far beyond
 * any purchase, return or deal this CRM records, and small enough that thousands of them still sum
 * exactly in a JavaScript number.
 */
export const MAX_AMOUNT = 1_000_000_000_000;

/** The largest total kept as a number: sums that could pass it are refused or kept as decimal strings. */
export const MAX_EXACT_TOTAL = Number.MAX_SAFE_INTEGER;

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
  const result = money(candidate.amount, candidate.currency, field);
  if (result.amount > MAX_AMOUNT) {
    throw new InvalidInputError(`${field}.amount`, `must be at most ${MAX_AMOUNT} minor units`);
  }
  return result;
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
