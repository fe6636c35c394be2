import { toEpochMs } from '@crm/domain';

/** Same length and both in UTC: the same ISO layout, so the text sorts as the time does. */
const comparableAsText = (a: string, b: string): boolean =>
  a.length === b.length &&
  a.charCodeAt(a.length - 1) === 90 && // 'Z'
  b.charCodeAt(b.length - 1) === 90 &&
  !isEndOfDay(a) &&
  !isEndOfDay(b);

/** `T24:00` is midnight of the next day: the one UTC instant whose text sorts apart from its time. */
const isEndOfDay = (instant: string): boolean => instant[11] === '2' && instant[12] === '4';

/**
 * Orders two ISO-8601 instants (as `isIsoInstant` accepts them) by time: negative when `a` is earlier.
 * Instants the command executor stamps are UTC of one layout, compared as text without parsing; any
 * other pair is compared by `Date.parse`.
 */
export const compareInstants = (a: string, b: string): number => {
  if (comparableAsText(a, b)) return a < b ? -1 : a > b ? 1 : 0;
  return toEpochMs(a) - toEpochMs(b);
};
