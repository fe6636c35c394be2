import { canonicalEpochMs, DAY_MS } from './canonical-instant';
import { InvalidInputError } from './domain-error';

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The instant `value` names, in UTC with millisecond precision (`2026-03-01T12:00:00+03:00` →
 * `2026-03-01T09:00:00.000Z`), or undefined when it is not an ISO-8601 instant with a time zone: a date
 * alone, a time without a zone, a day the calendar does not have (2026-02-30), 24:00, or an instant outside
 * the years 0001-9999 once in UTC. Digits past the millisecond are dropped.
 */
export const normalizeInstant = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const match = ISO_INSTANT.exec(value);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second = '0', offsetHours = '0', offsetMinutes = '0'] =
    match.slice(1);
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  if (Number(offsetHours) > 23 || Number(offsetMinutes) > 59) return undefined;
  const epochMs = Date.parse(value);
  if (Number.isNaN(epochMs)) return undefined;
  const utc = new Date(epochMs).toISOString();
  return /^\d{4}-/.test(utc) && !utc.startsWith('0000') ? utc : undefined;
};

/** An ISO-8601 instant with an explicit offset; time never comes from the local clock. */
export const isIsoInstant = (value: unknown): value is string => normalizeInstant(value) !== undefined;

export const requireInstant = (field: string, value: unknown): string => {
  if (!isIsoInstant(value)) {
    throw new InvalidInputError(
      field,
      'must be an ISO-8601 instant with a time zone, e.g. 2026-01-31T09:00:00Z',
    );
  }
  return value;
};

/**
 * Milliseconds since the epoch, as `Date.parse` gives them. Projections parse every stored purchase time on
 * every event (churn's median gap, the loyalty window): the stored form is read directly, in less than half the time.
 */
export const toEpochMs = (instant: string): number => {
  const ms = canonicalEpochMs(instant);
  return Number.isNaN(ms) ? Date.parse(instant) : ms;
};

export const addDays = (instant: string, days: number): string =>
  new Date(toEpochMs(instant) + days * DAY_MS).toISOString();

export const DAY_IN_MS = DAY_MS;
