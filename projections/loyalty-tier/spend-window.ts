import { DAY_IN_MS, toEpochMs, type LoyaltyPolicy, type SpendEntry } from '@crm/domain';

/** The later of two instants (events of one stream may carry back-dated `occurredAt`). */
export const laterInstant = (current: string | null, candidate: string): string =>
  current === null || toEpochMs(candidate) > toEpochMs(current) ? candidate : current;

/**
 * A kept spend entry in the loyalty currency: `[atMs, amount]`, the instant in epoch milliseconds and the
 * signed amount in minor units. A pair of numbers rather than `{ at, amount, currency }`: the window is
 * measured on every event and the whole list is rewritten with the document, so the instant is stored
 * parsed and the currency, always the loyalty currency here, is left out (ADR 0035).
 */
export type SpendPoint = readonly [atMs: number, amount: number];

export interface SpendWindow {
  readonly spend: readonly SpendPoint[];
  readonly qualifyingSpend: number;
}

/** The entry as a kept point; null when it is in another currency, which never counts. */
export const spendPointOf = (entry: SpendEntry, policy: LoyaltyPolicy): SpendPoint | null =>
  entry.currency === policy.loyaltyCurrency ? [toEpochMs(entry.at), entry.amount] : null;

/**
 * Adds an entry (or none), keeps only the points that can still count (`at` after asOf − window: `asOf`
 * never moves backwards, so a dropped point can never count again), and measures qualifying spend at
 * `asOf` by the domain's rule (`qualifyingSpend`; the spec holds the two equal).
 */
export const measureSpend = (
  points: readonly SpendPoint[],
  added: SpendEntry | null,
  asOf: string,
  policy: LoyaltyPolicy,
): SpendWindow => {
  const until = toEpochMs(asOf);
  const after = until - policy.qualifyingWindowDays * DAY_IN_MS;
  const point = added === null ? null : spendPointOf(added, policy);
  const spend: SpendPoint[] = [];
  let qualifying = 0;
  for (const kept of point === null ? points : [...points, point]) {
    const [at, amount] = kept;
    if (at <= after) continue;
    spend.push(kept);
    if (at <= until) qualifying += amount;
  }
  return { spend, qualifyingSpend: qualifying };
};
