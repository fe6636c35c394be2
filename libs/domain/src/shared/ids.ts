import { InvalidInputError } from './domain-error';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isValidId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);

export const requireId = (field: string, value: unknown): string => {
  if (!isValidId(value)) {
    throw new InvalidInputError(field, 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -');
  }
  return value;
};

/** `access`: the log of who read a customer's personal data (SensitiveRecordViewed). */
export type StreamCategory = 'customer' | 'opportunity' | 'access';

export const STREAM_CATEGORIES: readonly StreamCategory[] = ['customer', 'opportunity', 'access'];

export const customerStream = (customerId: string): string =>
  `customer-${requireId('customerId', customerId)}`;

export const opportunityStream = (opportunityId: string): string =>
  `opportunity-${requireId('opportunityId', opportunityId)}`;

export interface ParsedStreamName {
  readonly category: StreamCategory;
  readonly id: string;
}

/** Returns null for names that are not one of this domain's streams. */
export const parseStreamName = (streamName: string): ParsedStreamName | null => {
  for (const category of STREAM_CATEGORIES) {
    const prefix = `${category}-`;
    if (streamName.startsWith(prefix)) {
      const id = streamName.slice(prefix.length);
      return isValidId(id) ? { category, id } : null;
    }
  }
  return null;
};
