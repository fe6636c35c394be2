import { InvalidInputError, isIsoInstant } from '@crm/domain';

/** How far past the server's clock a command's `occurredAt` may lie: clocks of callers drift (5 minutes). */
export const DEFAULT_OCCURRED_AT_TOLERANCE_MS = 5 * 60_000;

/**
 * Refuses a command dated later than `now + toleranceMs`. A fact from the future would count at once in
 * spend windows and reviews (a purchase dated next year warns its customer today), and the domain cannot
 * tell the future from the past without a clock, so the check lives here, where the clock is allowed.
 * A malformed instant is left to the decider, which names it.
 */
export function refuseFutureOccurredAt(occurredAt: string | undefined, now: Date, toleranceMs: number): void {
  if (occurredAt === undefined || !isIsoInstant(occurredAt)) return;
  const latest = now.getTime() + toleranceMs;
  if (Date.parse(occurredAt) > latest) {
    throw new InvalidInputError(
      'occurredAt',
      `must not be later than the server's clock plus ${toleranceMs / 1000} s (${new Date(latest).toISOString()})`,
    );
  }
}
