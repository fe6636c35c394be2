export const DAY_MS = 24 * 60 * 60 * 1000;

const digitAt = (text: string, index: number): number => {
  const digit = text.charCodeAt(index) - 48;
  return digit >= 0 && digit <= 9 ? digit : NaN;
};

const twoDigits = (text: string, index: number): number =>
  digitAt(text, index) * 10 + digitAt(text, index + 1);

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`). */
const daysFromCivil = (year: number, month: number, day: number): number => {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
};

const [DASH, T, COLON, DOT, Z] = ['-', 'T', ':', '.', 'Z'].map((c) => c.charCodeAt(0));

const hasCanonicalShape = (instant: string): boolean =>
  instant.length === 24 &&
  instant.charCodeAt(4) === DASH &&
  instant.charCodeAt(7) === DASH &&
  instant.charCodeAt(10) === T &&
  instant.charCodeAt(13) === COLON &&
  instant.charCodeAt(16) === COLON &&
  instant.charCodeAt(19) === DOT &&
  instant.charCodeAt(23) === Z;

/**
 * The form every stored instant has (`normalizeInstant`, `toISOString`): `YYYY-MM-DDTHH:mm:ss.sssZ`.
 * NaN for anything else, which `toEpochMs` then leaves to `Date.parse`.
 */
export const canonicalEpochMs = (instant: string): number => {
  if (!hasCanonicalShape(instant)) return NaN;
  const year = twoDigits(instant, 0) * 100 + twoDigits(instant, 2);
  const month = twoDigits(instant, 5);
  const day = twoDigits(instant, 8);
  const hour = twoDigits(instant, 11);
  const minute = twoDigits(instant, 14);
  const second = twoDigits(instant, 17);
  const ms = twoDigits(instant, 20) * 10 + digitAt(instant, 22);
  const monthDays = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (!(day >= 1 && day <= monthDays && hour <= 23 && minute <= 59 && second <= 59 && ms >= 0)) return NaN;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
};
